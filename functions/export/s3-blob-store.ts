/** The blob store on S3: objects appear only once complete, so a reader never sees half a file. */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { S3Client } from '@aws-sdk/client-s3'
import { type BlobStore, checkKey } from './blob-store.js'

// Loaded on first use, so that a function holding a blob store it may never touch (the API's open
// data) does not load the S3 client at its cold start.
const sdk = () => import('@aws-sdk/client-s3')

export function s3BlobStore(client: S3Client, bucket: string, prefix = ''): BlobStore {
  const keyOf = (key: string) => `${prefix}${checkKey(key)}`
  return {
    async putFile(key, path, contentType) {
      const { PutObjectCommand } = await sdk()
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(key),
          Body: createReadStream(path),
          ContentLength: (await stat(path)).size,
          ContentType: contentType,
        }),
      )
    },
    async get(key) {
      const { GetObjectCommand } = await sdk()
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(key) }))
        return out.Body ? await out.Body.transformToByteArray() : new Uint8Array()
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined
        throw error
      }
    },
    async list(under) {
      const { ListObjectsV2Command } = await sdk()
      const keys: string[] = []
      let token: string | undefined
      do {
        const out = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}${under}`, ContinuationToken: token }),
        )
        for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key.slice(prefix.length))
        token = out.IsTruncated ? out.NextContinuationToken : undefined
      } while (token)
      return keys.sort()
    },
    async delete(keys) {
      const { DeleteObjectsCommand } = await sdk()
      for (let i = 0; i < keys.length; i += 1000) {
        await client.send(
          new DeleteObjectsCommand({
            Bucket: bucket,
            Delete: { Objects: keys.slice(i, i + 1000).map((k) => ({ Key: keyOf(k) })), Quiet: true },
          }),
        )
      }
    },
  }
}
