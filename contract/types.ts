// Shapes of the API that server and suite share (openapi.json, components).

/** A vendor and one of its regions. */
export type Pair = { vendor: string; region: string };

/** One stored mapping (openapi: cache-rules_origin_cloud_region_v2_entry). modified_on is optional
 * in answers (decision 9: "MUST be RFC 3339 when present"). */
export interface Mapping {
  origin_ip: string;
  region: string;
  vendor: string;
  modified_on?: string;
}

/** openapi: cache-rules_supported_cloud_regions_result. */
export interface SupportedRegions {
  obtained_codes: boolean;
  vendors: Record<string, Array<{ name: string; upper_tier_colos: string[] }>>;
}

/** One item of a batch answer's succeeded or failed list. */
export interface BatchItemResult {
  origin_ip: string;
  error?: string;
  region?: string;
  vendor?: string;
}

export interface BatchResult {
  succeeded: BatchItemResult[];
  failed: BatchItemResult[];
}

/** openapi: response_info. */
export interface ResponseInfo {
  code: number;
  message: string;
  [extra: string]: unknown;
}

/** The envelope of every answer (openapi: success envelope, cache-rules_api-response-common-failure). */
export interface Envelope<T = unknown> {
  success: boolean;
  errors: ResponseInfo[];
  messages: ResponseInfo[];
  result: T | null;
  result_info?: unknown;
}
