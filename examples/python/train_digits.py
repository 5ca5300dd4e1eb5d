#!/usr/bin/env python3
"""The PyTorch twin of `./autograd4j train` (org.autograd4j.app.Train): the same data, split, model,
initialisation, batch order, optimizer and loss, so the two print the same losses.

    /usr/bin/python3 examples/python/train_digits.py [--model cnn|mlp] [--epochs N] [--lr LR]
        [--optimizer sgd|adam|adamw] [--batch-size B] [--seed S] [--threads N]

Runs with PyTorch 1.13.1 (what autograd4j follows). The data is the copy the Java app ships,
app/src/main/resources/org/autograd4j/app/digits.csv.gz (UCI optical recognition of handwritten digits;
see the README.md next to it). Prints one line per epoch (train/test loss and accuracy, seconds) and, last,
`test accuracy: 0.9812`.
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', '..', 'app', 'src', 'main', 'resources', 'org', 'autograd4j', 'app', 'digits.csv.gz')

# The defaults of org.autograd4j.app.Train (keep them equal).
DEFAULTS = dict(model='cnn', epochs=15, lr=3e-3, optimizer='adam', batch_size=32, seed=0)


def load_digits(path=DATA):
    """Digits.load(): images (1797, 1, 8, 8) float32 in [0, 1] (pixels / 16), labels (1797,) int64."""
    with gzip.open(path, 'rt') as f:
        rows = np.loadtxt(f, delimiter=',', dtype=np.int64)
    x = torch.tensor(rows[:, :64], dtype=torch.float32).div(16).reshape(-1, 1, 8, 8)
    y = torch.tensor(rows[:, 64], dtype=torch.int64)
    return TensorDataset(x, y)


def split(dataset, seed):
    """Digits.split(): random_split 80/20 through a generator seeded with seed."""
    return random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(seed))


def build_model(name, seed):
    """DigitsModels.build(): torch.manual_seed(seed), then the model, so its initial weights are the seed's."""
    torch.manual_seed(seed)
    if name == 'mlp':
        return nn.Sequential(nn.Flatten(), nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
    if name == 'cnn':
        return nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 2 * 2, 10))
    raise ValueError(name)


def build_optimizer(name, params, lr):
    if name == 'sgd':
        return torch.optim.SGD(params, lr=lr, momentum=0.9)
    if name == 'adam':
        return torch.optim.Adam(params, lr=lr)
    if name == 'adamw':
        return torch.optim.AdamW(params, lr=lr)
    raise ValueError(name)


def evaluate(model, dataset, batch_size=256):
    """DigitsModels.evaluate(): mean cross-entropy and accuracy in eval mode without grad."""
    model.eval()
    loss_fn = nn.CrossEntropyLoss(reduction='sum')
    total, correct, n = 0.0, 0, 0
    with torch.no_grad():
        for xb, yb in DataLoader(dataset, batch_size=batch_size):
            out = model(xb)
            total += loss_fn(out, yb).item()
            correct += (out.argmax(1) == yb).sum().item()
            n += len(yb)
    return total / n, correct / n


def train(model='cnn', epochs=15, lr=3e-3, optimizer='adam', batch_size=32, seed=0, max_steps=None, log=print):
    """Trains as Train does; returns (the per-step losses, the per-epoch rows, the model)."""
    train_set, test_set = split(load_digits(), seed)
    net = build_model(model, seed)
    params = sum(p.numel() for p in net.parameters())
    log(f'digits {model}, {optimizer} lr={lr}, batch size {batch_size}, {epochs} epochs, seed {seed}: '
        f'{len(train_set)} train / {len(test_set)} test samples, {params:,} parameters, threads {torch.get_num_threads()}')
    log(net)
    opt = build_optimizer(optimizer, net.parameters(), lr)
    loss_fn = nn.CrossEntropyLoss()
    loader = DataLoader(train_set, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    losses, rows = [], []
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        net.train()
        total, correct, n = 0.0, 0, 0
        for xb, yb in loader:
            opt.zero_grad()
            out = net(xb)
            loss = loss_fn(out, yb)
            loss.backward()
            opt.step()
            losses.append(loss.item())
            total += loss.item() * len(yb)
            correct += (out.argmax(1) == yb).sum().item()
            n += len(yb)
            if max_steps is not None and len(losses) >= max_steps:
                return losses, rows, net
        test_loss, test_acc = evaluate(net, test_set)
        seconds = time.perf_counter() - start
        rows.append((epoch, total / n, correct / n, test_loss, test_acc, seconds))
        log(f'epoch {epoch:3d}/{epochs}  train loss {total / n:.4f}  acc {correct / n:.4f}  '
            f'test loss {test_loss:.4f}  acc {test_acc:.4f}  {seconds:.2f} s')
    return losses, rows, net


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    p.add_argument('--model', choices=['mlp', 'cnn'], default=DEFAULTS['model'])
    p.add_argument('--epochs', type=int, default=DEFAULTS['epochs'])
    p.add_argument('--lr', type=float, default=DEFAULTS['lr'])
    p.add_argument('--optimizer', choices=['sgd', 'adam', 'adamw'], default=DEFAULTS['optimizer'])
    p.add_argument('--batch-size', type=int, default=DEFAULTS['batch_size'])
    p.add_argument('--seed', type=int, default=DEFAULTS['seed'])
    p.add_argument('--threads', type=int, default=None, help='torch.set_num_threads (default: torch\'s)')
    a = p.parse_args()
    if a.threads is not None:
        torch.set_num_threads(a.threads)
    _, rows, _ = train(a.model, a.epochs, a.lr, a.optimizer, a.batch_size, a.seed)
    secs = sorted(r[5] for r in rows)
    print(f'median seconds per epoch: {secs[len(secs) // 2]:.3f} (torch {torch.__version__})')
    print(f'test accuracy: {rows[-1][4]:.4f}')


if __name__ == '__main__':
    main()
