import { seededWorkbook } from '../test/integration/harness';
const w = seededWorkbook();
w.em.log.reset();
const r = w.call('apiRenderCalendar', { stageId: w.ids.stages['ACAR Laurie'] });
console.log(JSON.stringify(r));
console.log(Object.entries(w.em.log.snapshot()).filter(([, v]) => v > 2));
