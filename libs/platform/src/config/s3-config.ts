import { ConfigProblem } from './config-error';

/**
 * Evidence files in S3-compatible object storage (S3_*) instead of `<DATA_DIR>/files`: chosen by
 * S3_BUCKET. S3_ENDPOINT names a self-hosted server (MinIO …) and then needs the key pair, since
 * such a server has no instance role; without it the SDK talks to AWS and may find credentials
 * itself (instance role, AWS_* variables) when the pair is unset.
 */
export interface S3Config {
  readonly bucket: string;
  readonly region: string;
  readonly endpoint: string | null;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string } | null;
}

export const S3_VARIABLES = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

type S3Raw = Partial<Record<(typeof S3_VARIABLES)[number], string>>;

/** The object-storage settings, or null (files under DATA_DIR); problems naming what is missing or stray. */
export function s3ConfigOf(raw: S3Raw): { s3: S3Config | null; problems: ConfigProblem[] } {
  const set = S3_VARIABLES.filter((name) => raw[name] !== undefined);
  if (raw.S3_BUCKET === undefined) {
    if (set.length === 0) return { s3: null, problems: [] };
    const rule = 'must be set only together with S3_BUCKET (files go to S3 when S3_BUCKET names the bucket)';
    return { s3: null, problems: [{ variable: set.join(','), rule, value: '' }] };
  }
  const problems: ConfigProblem[] = [];
  const pair = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
  const missing = pair.filter((name) => raw[name] === undefined);
  if (missing.length === 1) {
    problems.push({ variable: missing[0]!, rule: `must be set together with ${pair.find((n) => n !== missing[0])}`, value: '' });
  } else if (missing.length === 2 && raw.S3_ENDPOINT !== undefined) {
    problems.push({ variable: pair.join(','), rule: 'must be set when S3_ENDPOINT names an S3-compatible server', value: '' });
  }
  if (problems.length > 0) return { s3: null, problems };
  return {
    s3: {
      bucket: raw.S3_BUCKET,
      region: raw.S3_REGION ?? 'us-east-1',
      endpoint: raw.S3_ENDPOINT ?? null,
      credentials:
        raw.S3_ACCESS_KEY_ID !== undefined && raw.S3_SECRET_ACCESS_KEY !== undefined
          ? { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY }
          : null,
    },
    problems: [],
  };
}
