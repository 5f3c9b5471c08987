import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../pipeline/util/catalogue/catalogue.ts';
import { ROOT } from '../helpers/documents.ts';

describe('README, section Checks', () => {
  it('lists every rule with its default severity, whether it is locked and whether --fix corrects it', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## Checks\n'), readme.indexOf('\n## ', readme.indexOf('\n## Checks\n') + 1));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| ([a-z, ]+) \| (yes|no) \|/gm)].map((match) => `${match[1]} ${match[2]} ${match[3]}`);
    const catalogue = RULE_IDS.map((id) => `${id} ${RULES[id].severity}${RULES[id].locked ? ', locked' : ''} ${RULES[id].fixable ? 'yes' : 'no'}`);
    expect(rows.sort()).toEqual(catalogue.sort());
  });
});
