import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost } from './host-process';
import { connectHostClient } from './ws-client';
const dir = await mkdtemp(join(tmpdir(), 'lb-'));
for (let i = 0; i < 2; i++) {
  let t = Date.now();
  const host = await startHost(dir);
  console.log('start', Date.now() - t);
  const c = await connectHostClient(host.url);
  console.log(await c.call('app.info', {}));
  const doors = await c.call('doors.list', { siteId: 'demo' });
  console.log(doors.map((d) => [d.name, d.id, d.isConnected, d.lock?.slotCount, d.lock?.supportedCodeLengths, d.lock?.codeConstraints]));
  t = Date.now();
  const front = doors.find((d) => d.name === 'Front door')!;
  const back = doors.find((d) => d.name === 'Back door')!;
  const garage = doors.find((d) => d.name === 'Garage side door')!;
  const ps = [];
  for (let k = 0; k < 5; k++) ps.push(c.request('codes.create', { doorId: front.id, code: `${i}3${k}579` }), c.request('codes.create', { doorId: back.id, code: `${i}4${k}68` }), c.request('codes.create', { doorId: garage.id, code: `${i}5${k}813` }));
  const rs = await Promise.all(ps);
  console.log('acked', Date.now() - t, rs.map((r) => r.ok ? 'ok' : r.error.code));
  for (;;) {
    const all = (await Promise.all([front, back, garage].map((d) => c.call('codes.list', { doorId: d.id })))).flat();
    const pending = all.filter((x) => x.status === 'setting' || x.status === 'removing');
    if (pending.length === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log('drained', Date.now() - t);
  await host.stop('SIGKILL');
}
