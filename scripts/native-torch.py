#!/usr/bin/env python3
"""Native PyTorch on the same network, data and batches as the lab's training bench (scripts/bench-training.mjs).

The reader of the source article trains this MLP with a native framework; this is the speed the lab's
training is compared with. 784-64-32-10, ReLU, softmax cross-entropy, Adam (lr 1e-3, beta 0.9/0.999,
eps 1e-7 as Keras), 8,000 MNIST rows from public/data/mnist.bin.gz (the GPLD format of
src/core/data/mnistFormat.ts), one CPU thread, float32. Each run: `warmup` steps untimed, then `batches`
timed steps, shuffled batches as the lab draws them (a new permutation each epoch).

Usage: python3 scripts/native-torch.py --batch-sizes 32,128 --batches 400 --warmup 20 --repeats 5
Prints one JSON object: {"torch": version, "threads": 1, "results": [{"batchSize", "runs": [samples/s]}]}.
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN_ROWS = 8000


def load_mnist(path):
    raw = gzip.open(path, "rb").read()
    if raw[:4] != b"GPLD":
        raise SystemExit(f"{path}: not a GPLD file")
    _version, count, features = struct.unpack_from("<III", raw, 4)
    labels = raw[16 : 16 + count]
    pixels = raw[16 + count : 16 + count + count * features]
    return count, features, labels, pixels


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch-sizes", default="32,128")
    p.add_argument("--batches", type=int, default=400)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--data", default=os.path.join(ROOT, "public", "data", "mnist.bin.gz"))
    a = p.parse_args()
    try:
        import torch
    except ImportError:
        print(json.dumps({"error": "PyTorch is not installed (Debian: apt-get install python3-torch)"}))
        return 0
    torch.set_num_threads(1)
    count, features, labels, pixels = load_mnist(a.data)
    n = min(TRAIN_ROWS, count)
    x = torch.frombuffer(bytearray(pixels[: n * features]), dtype=torch.uint8).reshape(n, features).float() / 255.0
    y = torch.frombuffer(bytearray(labels[:n]), dtype=torch.uint8).long()
    results = []
    for bs in [int(b) for b in a.batch_sizes.split(",")]:
        runs = []
        for r in range(a.repeats):
            torch.manual_seed(r)
            model = torch.nn.Sequential(
                torch.nn.Linear(features, 64), torch.nn.ReLU(),
                torch.nn.Linear(64, 32), torch.nn.ReLU(),
                torch.nn.Linear(32, 10),
            )
            opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
            loss_fn = torch.nn.CrossEntropyLoss()
            order = torch.randperm(n)
            pos = 0
            t0 = None
            for step in range(a.warmup + a.batches):
                if step == a.warmup:
                    t0 = time.perf_counter()
                if pos + bs > n:
                    order, pos = torch.randperm(n), 0
                idx = order[pos : pos + bs]
                pos += bs
                opt.zero_grad(set_to_none=True)
                loss = loss_fn(model(x[idx]), y[idx])
                loss.backward()
                opt.step()
            loss.item()
            seconds = time.perf_counter() - t0
            runs.append(round(a.batches * bs / seconds, 1))
        results.append({"batchSize": bs, "runs": runs})
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
