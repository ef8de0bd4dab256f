// Starts @atproto/dev-env's TestNetwork (PLC, PDS and the real Bluesky AppView, with bsync and ozone) on
// loopback, over PostgreSQL (DB_POSTGRES_URL, schema DB_POSTGRES_SCHEMA) and Redis (REDIS_HOST). Prints one
// JSON line {"pds", "bsky", "plc"} once it runs, then takes one JSON command a line on its input and answers
// each with one line:
//   {"op": "interact", "uri", "cid", "likes", "reposts", "replies", "quotes"}: other accounts of this network
//     like, repost, reply to and quote the post, and the AppView indexes it all (processAll)
//   {"op": "sync"}: the AppView indexes what the PDS has
// It exits when its input closes (so a dead test runner never leaves it behind).
import readline from 'node:readline'
import { RecordRef, TestNetwork } from '@atproto/dev-env'

async function main() {
  const network = await TestNetwork.create({ dbPostgresSchema: process.env.DB_POSTGRES_SCHEMA })
  const seed = network.getSeedClient()
  const fans = []
  const fan = async (n) => {
    while (fans.length <= n) {
      const name = `fan${fans.length}`
      await seed.createAccount(name, { handle: `${name}.test`, email: `${name}@example.com`, password: 'fan-pass' })
      fans.push(seed.dids[name])
    }
    return fans[n]
  }
  const answer = (value) => process.stdout.write(JSON.stringify(value) + '\n')
  answer({ pds: network.pds.url, bsky: network.bsky.url, plc: network.plc.url })

  let queue = Promise.resolve()
  const lines = readline.createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    queue = queue.then(async () => {
      try {
        const command = JSON.parse(line)
        await network.processAll()
        if (command.op === 'interact') {
          const post = new RecordRef(command.uri, command.cid)
          for (let n = 0; n < (command.likes || 0); n++) await seed.like(await fan(n), post)
          for (let n = 0; n < (command.reposts || 0); n++) await seed.repost(await fan(n), post)
          for (let n = 0; n < (command.replies || 0); n++) await seed.reply(await fan(n), post, post, `reply ${n}`)
          for (let n = 0; n < (command.quotes || 0); n++) await seed.post(await fan(n), `quote ${n}`, undefined, undefined, post)
          await network.processAll()
        }
        answer({ ok: true })
      } catch (err) {
        answer({ ok: false, error: String(err && err.stack ? err.stack : err) })
      }
    })
  })
  lines.on('close', () => {
    queue.then(() => network.close()).finally(() => process.exit(0))
  })
}

main().catch((err) => {
  process.stderr.write(`appview harness: ${err && err.stack ? err.stack : err}\n`)
  process.exit(1)
})
