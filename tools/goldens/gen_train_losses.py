#!/usr/bin/env python3
"""The first 20 training losses of the digits runs in PyTorch 1.13.1, for org.autograd4j.app.TrainLossesTest.

Run: ATEN_CPU_CAPABILITY=avx2 /usr/bin/python3 tools/goldens/gen_train_losses.py
Trains with examples/python/train_digits.py (the PyTorch twin of ./autograd4j train: same data, split,
seeds, model, loader order and optimizer) for 20 steps in each configuration below, and the whole default
run of each model for its per-epoch figures (for information: the test compares the losses only).
Writes app/src/test/resources/train_losses.txt:
  "losses <model> <optimizer> <lr> <batch size> <seed> <loss>..."   each loss the float32 value as Python's repr
  "epoch <model> <epoch> <train loss> <train acc> <test loss> <test acc>"   the default run, --epochs epochs
"""
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'examples', 'python'))
import train_digits as t  # noqa: E402

OUT = os.path.join(HERE, '..', '..', 'app', 'src', 'test', 'resources', 'train_losses.txt')
STEPS = 20
D = t.DEFAULTS
CONFIGS = [
    ('mlp', D['optimizer'], D['lr'], D['batch_size'], D['seed']),
    ('cnn', D['optimizer'], D['lr'], D['batch_size'], D['seed']),
    # the other optimizers, another batch size (a short last batch at step 12) and another seed
    ('mlp', 'sgd', 0.05, 128, 7),
    ('cnn', 'adamw', 0.01, 64, 3),
]


def main():
    torch.set_num_threads(1)
    lines = ['# gen_train_losses.py, torch ' + torch.__version__ + ': first %d losses, then the default runs' % STEPS]
    for model, opt, lr, bs, seed in CONFIGS:
        losses, _, _ = t.train(model, 1000, lr, opt, bs, seed, max_steps=STEPS, log=lambda s: None)
        lines.append(' '.join(['losses', model, opt, repr(lr), str(bs), str(seed)] + [repr(x) for x in losses]))
    for model in ('mlp', 'cnn'):
        _, rows, _ = t.train(model, D['epochs'], D['lr'], D['optimizer'], D['batch_size'], D['seed'], log=lambda s: None)
        for r in rows:
            lines.append('epoch %s %d %r %r %r %r' % (model, r[0], r[1], r[2], r[3], r[4]))
    with open(OUT, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    print('wrote', os.path.normpath(OUT))


if __name__ == '__main__':
    main()
