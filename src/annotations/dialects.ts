/** The annotation dialect of each provider: a controller instance reads only its own provider's family. */
import type { ProviderName } from '../providers/provider.js';
import { alibabaDialect } from './alibaba.js';
import type { AnnotationDialect } from './claim-request.js';
import { tencentDialect } from './tencent.js';

export const DIALECTS: Record<ProviderName, AnnotationDialect> = {
  tencent: tencentDialect,
  alibaba: alibabaDialect,
};
