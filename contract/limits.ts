// The documented limits (spec/README.md, "Documented limits and codes"; openapi.json).

/** Seed page: "the limit of 3,500 IP mappings" per zone. */
export const MAPPING_LIMIT = 3500;
/** openapi: batch PUT maxItems 100; batch DELETE "Removes up to 100 IP-to-cloud-region mappings". */
export const MAX_BATCH = 100;
/** openapi: per_page 1..100, default 20; page >= 1, default 1. */
export const PER_PAGE_MIN = 1;
export const PER_PAGE_MAX = 100;
export const PER_PAGE_DEFAULT = 20;
export const PAGE_DEFAULT = 1;
