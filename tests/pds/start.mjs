// Starts the reference Bluesky PDS with an in-memory PLC directory, both on 127.0.0.1,
// the way atproto's own dev-env (TestPlc, TestPds) does for its tests. Prints one JSON line
// {"pds": url, "plc": url, "admin_password": ..., "handle_domain": ".test"} once both answer,
// and exits when its standard input closes (so a dead test runner never leaves it behind).
// Extra settings come from the environment: PDS_BLOB_UPLOAD_LIMIT (bytes) for an older server,
// PDS_RATE_LIMITS_ENABLED=true for bsky.social's rate limits (createSession: 30 per 5 minutes),
// PDS_BSKY_APP_VIEW_URL and PDS_BSKY_APP_VIEW_DID for an AppView that app.bsky.* calls are passed to.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import * as plc from '@did-plc/server'
import { Secp256k1Keypair } from '@atproto/crypto'
import { PDS } from '@atproto/pds'
import * as ui8 from 'uint8arrays'

const HOST = '127.0.0.1'

function bindLoopback(app) {
  const listen = app.listen.bind(app)
  app.listen = (port, ...rest) => listen(port, HOST, ...rest)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function main() {
  const plcPort = await freePort()
  const plcServer = plc.PlcServer.create({ db: plc.Database.mock(), port: plcPort })
  bindLoopback(plcServer.app)
  await plcServer.start()

  const port = await freePort()
  const dataDirectory = await fs.mkdtemp(path.join(os.tmpdir(), 'juno-pds-'))
  const rotationKey = await Secp256k1Keypair.create({ exportable: true })
  const adminPassword = crypto.randomBytes(16).toString('hex')
  const blobLimit = process.env.PDS_BLOB_UPLOAD_LIMIT
  const pds = await PDS.fromEnv({
    devMode: true,
    port,
    dataDirectory,
    blobstoreDiskLocation: path.join(dataDirectory, 'blobs'),
    recoveryDidKey: (await Secp256k1Keypair.create()).did(),
    adminPassword,
    jwtSecret: crypto.randomBytes(16).toString('hex'),
    serviceHandleDomains: ['.test'],
    didPlcUrl: `http://localhost:${plcPort}`,
    bskyAppViewUrl: process.env.PDS_BSKY_APP_VIEW_URL || 'https://appview.invalid',
    bskyAppViewDid: process.env.PDS_BSKY_APP_VIEW_DID || 'did:example:invalid',
    bskyAppViewCdnUrlPattern: 'http://cdn.appview.invalid/%s/%s/%s',
    modServiceUrl: 'https://moderator.invalid',
    modServiceDid: 'did:example:invalid',
    plcRotationKeyK256PrivateKeyHex: ui8.toString(await rotationKey.export(), 'hex'),
    inviteRequired: false,
    disableSsrfProtection: true,
    rateLimitsEnabled: process.env.PDS_RATE_LIMITS_ENABLED === 'true',
    ...(blobLimit ? { blobUploadLimit: Number(blobLimit) } : {}),
  })
  // Handles under .test belong to this PDS: answer them here instead of asking DNS.
  const resolver = pds.ctx.idResolver.handle
  resolver.resolve = async (handle) => {
    if (!handle.endsWith('.test')) return undefined
    const account = await pds.ctx.accountManager.getAccount(handle)
    return account?.did
  }
  bindLoopback(pds.app)
  await pds.start()

  let closing = false
  const close = async () => {
    if (closing) return
    closing = true
    await Promise.allSettled([pds.destroy(), plcServer.destroy()])
    await fs.rm(dataDirectory, { recursive: true, force: true })
    process.exit(0)
  }
  process.stdin.on('end', close)
  process.stdin.on('close', close)
  process.stdin.resume()
  process.on('SIGTERM', close)
  process.on('SIGINT', close)

  process.stdout.write(
    JSON.stringify({
      pds: `http://localhost:${port}`,
      plc: `http://localhost:${plcPort}`,
      admin_password: adminPassword,
      handle_domain: '.test',
      blob_upload_limit: pds.ctx.cfg.service.blobUploadLimit,
    }) + '\n',
  )
}

main().catch((err) => {
  process.stderr.write(`pds harness: ${err && err.stack ? err.stack : err}\n`)
  process.exit(1)
})
