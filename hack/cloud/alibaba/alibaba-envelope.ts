/** The JSON bodies Alibaba Cloud answers with: the action's fields plus RequestId, or the error envelope. */
import { jsonResponse, type ApiResponse } from '../common/http-types.js';
import type { AlibabaApiError } from './alibaba-api-error.js';
import type { ResponseBody } from './alibaba-action.js';

export function successResponse(requestId: string, body: ResponseBody): ApiResponse {
  return jsonResponse(200, { RequestId: requestId, ...body });
}

export function errorResponse(requestId: string, hostId: string, error: AlibabaApiError): ApiResponse {
  return jsonResponse(error.httpStatus, {
    RequestId: requestId,
    HostId: hostId,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&requestId=${requestId}`,
  });
}
