package org.autograd4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.app.Digits;
import org.autograd4j.app.DigitsModels;
import org.autograd4j.data.Dataset;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Module;

/**
 * The digits run of {@code ./autograd4j train} as a {@link SparkTrainer}: the same initial weights
 * ({@code manual_seed(seed)}, then the model), the same optimizer, loss and batch order
 * ({@code DataLoader(train, batch_size, shuffle=True, generator=Generator().manual_seed(seed))}) as
 * {@code DigitsTraining}, with the training split's rows numbered as the split numbers them. Kept apart from
 * {@link SparkTrain} (picocli) because its lambdas travel to the executors, which need no command line.
 */
final class DigitsOnSpark {
    private DigitsOnSpark() {}

    /**
     * The trainer for {@code model} ("mlp" or "cnn") trained by {@code optimizer} at {@code lr} with global
     * batch {@code batchSize}; epochs and listeners are the caller's.
     */
    static SparkTrainer trainer(String model, String optimizer, double lr, int batchSize, long seed) {
        SerializableSupplier<Module> models = () -> DigitsModels.build(model);
        return SparkTrainer.of(models, CrossEntropyLoss::new, ps -> DigitsModels.optimizer(optimizer, ps, lr))
                .batchSize(batchSize).seed(seed).shuffle(true)
                .inputShape(1, Digits.SIDE, Digits.SIDE);
    }

    /** The items {@code [image (1, 8, 8), label]} of a split as examples, in the split's order. */
    static List<Example> examples(Dataset<List<Tensor>> data) {
        List<Example> out = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            List<Tensor> item = data.getItem(i);
            out.add(Example.classification(item.get(0).toFloatArray(), item.get(1).itemLong()));
        }
        return out;
    }
}
