#!/usr/bin/env python3
"""PyTorch's "Tensors" tutorial (beginner_source/basics/tensorqs_tutorial.py), as Java's TensorsTutorial runs it:
the same statements in the same order, with torch.manual_seed(0) first so the random tensors are reproducible,
and without the parts Java has no counterpart for (NumPy arrays, CUDA, the device, Python's type()). Writes the transcript the Java test
compares with: /usr/bin/python3 tools/goldens/gen_tensors_tutorial.py"""
import contextlib
import io
import pathlib

import torch


def tutorial():
    torch.manual_seed(0)
    data = [[1, 2], [3, 4]]
    x_data = torch.tensor(data)
    print(x_data)

    x_ones = torch.ones_like(x_data)  # retains the properties of x_data
    print(f"Ones Tensor: \n {x_ones} \n")

    x_rand = torch.rand_like(x_data, dtype=torch.float)  # overrides the datatype of x_data
    print(f"Random Tensor: \n {x_rand} \n")

    shape = (2, 3,)
    rand_tensor = torch.rand(shape)
    ones_tensor = torch.ones(shape)
    zeros_tensor = torch.zeros(shape)

    print(f"Random Tensor: \n {rand_tensor} \n")
    print(f"Ones Tensor: \n {ones_tensor} \n")
    print(f"Zeros Tensor: \n {zeros_tensor}")

    tensor = torch.rand(3, 4)

    print(f"Shape of tensor: {tensor.shape}")
    print(f"Datatype of tensor: {tensor.dtype}")

    tensor = torch.ones(4, 4)
    print(f"First row: {tensor[0]}")
    print(f"First column: {tensor[:, 0]}")
    print(f"Last column: {tensor[..., -1]}")
    tensor[:, 1] = 0
    print(tensor)

    t1 = torch.cat([tensor, tensor, tensor], dim=1)
    print(t1)

    # matrix multiplication: y1, y2, y3 have the same value
    y1 = tensor @ tensor.T
    y2 = tensor.matmul(tensor.T)
    y3 = torch.rand_like(y1)
    torch.matmul(tensor, tensor.T, out=y3)
    print(y1)
    print(torch.equal(y1, y2), torch.equal(y1, y3))

    # element-wise product: z1, z2, z3 have the same value
    z1 = tensor * tensor
    z2 = tensor.mul(tensor)
    z3 = torch.rand_like(tensor)
    torch.mul(tensor, tensor, out=z3)
    print(z1)
    print(torch.equal(z1, z2), torch.equal(z1, z3))

    agg = tensor.sum()
    agg_item = agg.item()
    print(agg_item)

    print(f"{tensor} \n")
    tensor.add_(5)
    print(tensor)


out = io.StringIO()
with contextlib.redirect_stdout(out):
    tutorial()
path = pathlib.Path(__file__).resolve().parents[2] / "examples/src/test/resources/tensors-tutorial-transcript.txt"
path.write_text(out.getvalue())
print(f"wrote {path}")
