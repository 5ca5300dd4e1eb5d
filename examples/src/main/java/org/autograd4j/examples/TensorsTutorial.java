package org.autograd4j.examples;

import static org.autograd4j.Torch.ELLIPSIS;
import static org.autograd4j.Torch.cat;
import static org.autograd4j.Torch.equal;
import static org.autograd4j.Torch.manualSeed;
import static org.autograd4j.Torch.matmul;
import static org.autograd4j.Torch.mul;
import static org.autograd4j.Torch.ones;
import static org.autograd4j.Torch.onesLike;
import static org.autograd4j.Torch.print;
import static org.autograd4j.Torch.rand;
import static org.autograd4j.Torch.randLike;
import static org.autograd4j.Torch.slice;
import static org.autograd4j.Torch.tensor;
import static org.autograd4j.Torch.zeros;

import java.util.List;
import org.autograd4j.DType;
import org.autograd4j.Tensor;

/**
 * PyTorch's "Tensors" tutorial ({@code beginner_source/basics/tensorqs_tutorial.py}) translated line by line:
 * each Python line stands as a comment above its Java, and the output is the Python script's to the character
 * ({@code tools/goldens/gen_tensors_tutorial.py}, which adds {@code torch.manual_seed(0)} so the random tensors
 * repeat, and leaves out what Java has no counterpart for: NumPy arrays, CUDA, {@code tensor.device}).
 * Run it with {@code ./autograd4j run TensorsTutorial}.
 */
public final class TensorsTutorial {
    private TensorsTutorial() {
    }

    /**
     * Runs the tutorial and prints what its Python twin prints.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        manualSeed(0);
        // data = [[1, 2], [3, 4]]; x_data = torch.tensor(data)
        Tensor xData = tensor(new long[][] {{1, 2}, {3, 4}});
        print(xData);

        // x_ones = torch.ones_like(x_data)  # retains the properties of x_data
        Tensor xOnes = onesLike(xData);
        print("Ones Tensor: \n " + xOnes + " \n");

        // x_rand = torch.rand_like(x_data, dtype=torch.float)  # overrides the datatype of x_data
        Tensor xRand = randLike(xData, DType.FLOAT32);
        print("Random Tensor: \n " + xRand + " \n");

        // shape = (2, 3,)
        long[] shape = {2, 3};
        Tensor randTensor = rand(shape);
        Tensor onesTensor = ones(shape);
        Tensor zerosTensor = zeros(shape);

        print("Random Tensor: \n " + randTensor + " \n");
        print("Ones Tensor: \n " + onesTensor + " \n");
        print("Zeros Tensor: \n " + zerosTensor);

        // tensor = torch.rand(3, 4)
        Tensor tensor = rand(3, 4);

        // print(f"Shape of tensor: {tensor.shape}"), and its dtype
        print("Shape of tensor: " + tensor.size());
        print("Datatype of tensor: " + tensor.dtype());

        // tensor = torch.ones(4, 4)
        tensor = ones(4, 4);
        // tensor[0], tensor[:, 0], tensor[..., -1]
        print("First row: " + tensor.index(0));
        print("First column: " + tensor.index(slice(null, null), 0));
        print("Last column: " + tensor.index(ELLIPSIS, -1));
        // tensor[:, 1] = 0
        tensor.indexPut_(new Object[] {slice(null, null), 1}, 0);
        print(tensor);

        // t1 = torch.cat([tensor, tensor, tensor], dim=1)
        Tensor t1 = cat(List.of(tensor, tensor, tensor), 1);
        print(t1);

        // matrix multiplication: y1, y2, y3 have the same value
        // y1 = tensor @ tensor.T; y2 = tensor.matmul(tensor.T)
        Tensor y1 = tensor.matmul(tensor.T());
        Tensor y2 = tensor.matmul(tensor.T());
        // y3 = torch.rand_like(y1); torch.matmul(tensor, tensor.T, out=y3)
        Tensor y3 = randLike(y1);
        y3.copy_(matmul(tensor, tensor.T()));
        print(y1);
        print(equal(y1, y2), equal(y1, y3));

        // element-wise product: z1, z2, z3 have the same value
        // z1 = tensor * tensor; z2 = tensor.mul(tensor)
        Tensor z1 = tensor.mul(tensor);
        Tensor z2 = tensor.mul(tensor);
        // z3 = torch.rand_like(tensor); torch.mul(tensor, tensor, out=z3)
        Tensor z3 = randLike(tensor);
        z3.copy_(mul(tensor, tensor));
        print(z1);
        print(equal(z1, z2), equal(z1, z3));

        // agg = tensor.sum(); agg_item = agg.item()
        Tensor agg = tensor.sum();
        double aggItem = agg.item();
        print(aggItem);

        // print(f"{tensor} \n"); tensor.add_(5); print(tensor)
        print(tensor + " \n");
        tensor.add_(5);
        print(tensor);
    }
}
