/** The file store the configuration asks for: the local disk under the data directory, or an S3-compatible bucket. */
import type { Config } from '../../config.ts';
import { LocalDiskStore, localFilesDir, type FileStore } from './file-store.ts';
import { S3Store } from './s3-store.ts';

export type FileStoreConfig = Pick<
  Config,
  'dataDir' | 'fileStore' | 's3Endpoint' | 's3Region' | 's3Bucket' | 's3AccessKeyId' | 's3SecretAccessKey' | 's3PathStyle'
>;

export function createFileStore(config: FileStoreConfig): FileStore {
  if (config.fileStore === 'local') return new LocalDiskStore(localFilesDir(config.dataDir));
  // loadConfig refuses 's3' without these.
  return new S3Store({
    endpoint: config.s3Endpoint!,
    region: config.s3Region,
    bucket: config.s3Bucket!,
    accessKeyId: config.s3AccessKeyId!,
    secretAccessKey: config.s3SecretAccessKey!,
    pathStyle: config.s3PathStyle,
  });
}
