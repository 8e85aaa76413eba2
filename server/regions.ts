// Supported vendors and regions (GET .../supported_regions). The spec's only public example pairs are
// included unchanged: aws us-east-1 -> IAD, EWR; aws us-west-2 -> SEA; gcp us-central1 -> ORD
// (openapi: cache-rules_supported_cloud_regions). The rest are real region names paired with a
// nearby Cloudflare colo; they are plausible, not Cloudflare's published table.
import type { SupportedRegions } from './types';

function regions(pairs: Record<string, string[]>): Array<{ name: string; upper_tier_colos: string[] }> {
  return Object.entries(pairs).map(([name, upper_tier_colos]) => ({ name, upper_tier_colos }));
}

export const DEFAULT_REGIONS: SupportedRegions = {
  obtained_codes: true,
  vendors: {
    aws: regions({
      'us-east-1': ['IAD', 'EWR'],
      'us-east-2': ['CMH'],
      'us-west-1': ['SJC'],
      'us-west-2': ['SEA'],
      'ca-central-1': ['YUL'],
      'sa-east-1': ['GRU'],
      'eu-west-1': ['DUB'],
      'eu-west-2': ['LHR'],
      'eu-west-3': ['CDG'],
      'eu-central-1': ['FRA'],
      'eu-north-1': ['ARN'],
      'ap-south-1': ['BOM'],
      'ap-southeast-1': ['SIN'],
      'ap-southeast-2': ['SYD'],
      'ap-northeast-1': ['NRT'],
      'ap-northeast-2': ['ICN'],
    }),
    azure: regions({
      eastus: ['IAD'],
      eastus2: ['IAD'],
      centralus: ['ORD'],
      westus2: ['SEA'],
      canadacentral: ['YYZ'],
      brazilsouth: ['GRU'],
      northeurope: ['DUB'],
      westeurope: ['AMS'],
      uksouth: ['LHR'],
      germanywestcentral: ['FRA'],
      southeastasia: ['SIN'],
      japaneast: ['NRT'],
      australiaeast: ['SYD'],
    }),
    gcp: regions({
      'us-central1': ['ORD'],
      'us-east1': ['ATL'],
      'us-east4': ['IAD'],
      'us-west1': ['PDX'],
      'northamerica-northeast1': ['YUL'],
      'southamerica-east1': ['GRU'],
      'europe-west1': ['BRU'],
      'europe-west2': ['LHR'],
      'europe-west3': ['FRA'],
      'europe-west4': ['AMS'],
      'asia-south1': ['BOM'],
      'asia-southeast1': ['SIN'],
      'asia-northeast1': ['NRT'],
      'australia-southeast1': ['SYD'],
    }),
    oci: regions({
      'us-ashburn-1': ['IAD'],
      'us-phoenix-1': ['PHX'],
      'us-sanjose-1': ['SJC'],
      'ca-toronto-1': ['YYZ'],
      'sa-saopaulo-1': ['GRU'],
      'uk-london-1': ['LHR'],
      'eu-frankfurt-1': ['FRA'],
      'eu-amsterdam-1': ['AMS'],
      'ap-mumbai-1': ['BOM'],
      'ap-singapore-1': ['SIN'],
      'ap-tokyo-1': ['NRT'],
      'ap-sydney-1': ['SYD'],
    }),
  },
};

/**
 * Decision 10: the vendor must be a key of `vendors` and the region one of its names, compared
 * case-sensitively. Built on Maps so that "__proto__" or "constructor" are just unknown names.
 */
export function supportedChecker(data: SupportedRegions): (vendor: string, region: string) => boolean {
  const table = new Map(
    Object.entries(data.vendors).map(([vendor, list]) => [vendor, new Set(list.map((r) => r.name))]),
  );
  return (vendor, region) => table.get(vendor)?.has(region) ?? false;
}
