/** `podeip sandbox --prometheus`: a fresh Prometheus beside the sandbox, scraping its controller. */
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startPrometheus, type PrometheusServer } from './prometheus-server.js';

export async function startPrometheusBeside(ready: { kubeconfig: string; metrics: string }, progress: (step: string) => void): Promise<PrometheusServer> {
  const folder = join(dirname(ready.kubeconfig), 'prometheus');
  await rm(folder, { recursive: true, force: true });
  const prometheus = await startPrometheus({ metricsUrl: ready.metrics, folder });
  progress(`Prometheus ${prometheus.url} scrapes ${ready.metrics} every second (graph: ${prometheus.url}/graph, alerts: ${prometheus.url}/alerts)`);
  return prometheus;
}
