import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/fixtures/sim-fixture.ts';
import { Scenario } from '../../scenario/schema/index.ts';
import { buildDebrief } from '../../scoring/debrief.ts';
import { debriefToJson } from '../../scoring/export.ts';
import { runPlaythrough, transcriptOf } from '../../sim/runner.ts';
import { readImport } from './import.ts';
import { debriefDifferences, replaySession } from './replay.ts';

const scenario = Scenario.parse(fixtureInput);
const playable = { scenario, runbooks: new Map<string, string>(), saveable: true };
const choices = [{ at: 150, ack: true as const }, { at: 200, do: 'look' }, { at: 330, do: 'rollback' }];
const exported = debriefToJson(buildDebrief(scenario, runPlaythrough(scenario, { seed: 3, choices })));

describe('importing a run and replaying it', () => {
  it('replays an exported debrief to the same debrief, byte for byte', () => {
    const read = readImport('run.json', exported);
    if (!read.ok) throw new Error(read.error);
    expect(read.run).toMatchObject({ scenarioId: 'fixture', seed: 3 });
    const session = replaySession(playable, read.run.seed!, 'assessed', read.run.choices);
    const again = buildDebrief(scenario, transcriptOf(session.run, session.choices));
    expect(debriefToJson(again)).toBe(exported);
    expect(debriefDifferences(read.run.debrief!, again)).toEqual([]);
  });

  it('names what changed when the scenario no longer gives the same debrief', () => {
    const read = readImport('run.json', exported);
    if (!read.ok) throw new Error(read.error);
    const fewer = replaySession(playable, 3, 'assessed', read.run.choices.slice(0, 1));
    const diff = debriefDifferences(read.run.debrief!, buildDebrief(scenario, transcriptOf(fewer.run, fewer.choices)));
    // The exported run rolled back before anything paged, so it showed no levels; with only
    // its (early, refused) acknowledgement the service pages later and nobody ever declares.
    expect(diff).toEqual(['Ownership not observed then, L1 now']);
    // A later rollback still fixes it before the page: the levels agree, the times do not.
    const later = read.run.choices.map((c) => (c.do === 'rollback' ? { ...c, at: c.at + 30 } : c));
    const slower = replaySession(playable, 3, 'assessed', later);
    expect(debriefDifferences(read.run.debrief!, buildDebrief(scenario, transcriptOf(slower.run, slower.choices)))).toEqual(['the levels agree, but some evidence or times differ']);
  });

  it('reads the game\'s saved run and a bare choice log, and says plainly what is wrong with other files', () => {
    const saved = readImport('save.json', JSON.stringify({ scenarioId: 'fixture', seed: 9, mode: 'practice', speed: 1, choices }));
    expect(saved).toMatchObject({ ok: true, run: { scenarioId: 'fixture', seed: 9, mode: 'practice', debrief: null } });
    const bare = readImport('log.json', JSON.stringify(choices));
    expect(bare).toMatchObject({ ok: true, run: { scenarioId: null, seed: null } });
    expect(readImport('notes.json', 'hello')).toEqual({ ok: false, error: expect.stringMatching(/^notes\.json is not valid JSON/) });
    expect(readImport('x.json', '{"choices": [{"at": 5, "do": "look", "ack": true}]}')).toEqual({ ok: false, error: expect.stringMatching(/^x\.json: the choice log has a problem at choices\[0\]/) });
  });
});
