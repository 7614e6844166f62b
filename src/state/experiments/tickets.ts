/**
 * SNIP at initialisation with its shuffled-mask check, and the lottery-ticket search: series of jobs
 * from the run's initial weights, each finished fine-tune a point on the chart.
 */
import { deriveSeed } from '../../core/base';
import { shuffleWithinLayers, snipMasks, ticketMask } from '../../core/prune';
import type { LotteryOptions } from '../store';
import { finetuneJob, shownFinetune, type FinetuneOptions } from './finetune';
import { initialOf, type Lab } from './lab';

export interface TicketExperiments {
  /** SNIP: prune the initial weights to `sparsity` by one batch's |g·w|, train with the mask, then with it shuffled within layers. */
  snip(sparsity: number): Promise<void>;
  /** Lottery tickets: rounds of magnitude pruning, the survivors rewound and retrained, each against a fresh random initialisation. */
  lottery(options: LotteryOptions): Promise<void>;
}

const ones = (layers: { inputs: number; units: number }[]) =>
  layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1));

export function createTickets(lab: Lab): TicketExperiments {
  return {
    async snip(sparsity) {
      const x = lab.begin();
      if (!x) return;
      const init = initialOf(x.net);
      const series = (step: number) =>
        x.series({ kind: 'snip', criterion: 'taylor', status: 'running', step, total: 3 });
      const train = (masks: Uint8Array[], kind: 'snip' | 'snip-shuffled') => {
        const o: FinetuneOptions = {
          kind,
          criterion: 'taylor',
          layers: init,
          epochs: x.net.config.epochs,
          learningRateFactor: 1,
        };
        return x.job(finetuneJob(x.net, masks, o), { shown: shownFinetune(x.net, masks, o) });
      };
      series(0);
      const shown = { kind: 'init-grads' as const, criterion: 'taylor', sparsity: 0 };
      const grads = await x.job({ kind: 'init-grads', data: x.net.data, layers: init }, { shown });
      if (!grads) return;
      const masks = snipMasks(init, grads.gradAbs, sparsity);
      series(1);
      if (!(await train(masks, 'snip'))) return;
      series(2);
      if (await train(shuffleWithinLayers(masks, deriveSeed(x.net.config.seed, 'snip-shuffle')), 'snip-shuffled'))
        x.end(true);
    },
    async lottery({ rounds, rate, rewind, epochs }) {
      const x = lab.begin();
      if (!x) return;
      const init = initialOf(x.net);
      const reinit = initialOf(x.net, deriveSeed(x.net.config.seed, 'lottery-reinit'));
      const total = 2 * rounds + (rewind > 0 ? 1 : 0);
      let step = 0;
      const train = (masks: Uint8Array[], o: FinetuneOptions) => {
        x.series({ kind: 'lottery', criterion: 'magnitude', status: 'running', step: step++, total });
        const options = { criterion: 'magnitude', epochs, learningRateFactor: 1, ...o };
        return x.job(finetuneJob(x.net, masks, options), { shown: shownFinetune(x.net, masks, options) });
      };
      let start = init;
      if (rewind > 0) {
        const rewound = await train(ones(init), { kind: 'rewind', layers: init, epochs: rewind });
        if (!rewound) return;
        start = rewound.layers;
      }
      let trained = x.net.layers;
      let masks: Uint8Array[] | null = null;
      for (let r = 1; r <= rounds; r++) {
        const m = (masks = ticketMask(trained, masks, rate, r));
        const ticket = await train(m, { kind: 'ticket', layers: start });
        if (!ticket) return;
        trained = ticket.layers;
        if (!(await train(m, { kind: 'reinit', layers: reinit }))) return;
      }
      x.end(true);
    },
  };
}
