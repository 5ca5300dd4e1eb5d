package org.autograd4j.app;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.autograd4j.Tensor;
import org.autograd4j.data.DataLoader;
import org.autograd4j.nn.CrossEntropyLoss;
import org.autograd4j.nn.Sequential;
import org.autograd4j.optim.Optimizer;
import org.autograd4j.random.Generator;

/**
 * One training run on the digits, set up as the PyTorch twin ({@code examples/python/train_digits.py})
 * sets it up, in the same order, so both draw the same random numbers:
 *
 * <pre>{@code
 * train_set, test_set = random_split(load_digits(), [0.8, 0.2], generator=torch.Generator().manual_seed(seed))
 * torch.manual_seed(seed); model = build_model(name)
 * opt = torch.optim.Adam(model.parameters(), lr=lr)      # or SGD(momentum=0.9), AdamW
 * loader = DataLoader(train_set, batch_size, shuffle=True, generator=torch.Generator().manual_seed(seed))
 * for xb, yb in loader:
 *     opt.zero_grad(); out = model(xb); loss = nn.CrossEntropyLoss()(out, yb); loss.backward(); opt.step()
 * }</pre>
 */
public final class DigitsTraining {
    /** The share of the samples that train: 80 % (1,438 of 1,797), the rest test. */
    public static final double TRAIN_FRACTION = 0.8;
    /** The batch size of evaluations. */
    public static final int EVAL_BATCH_SIZE = 256;

    private final Digits.Split split;
    private final Sequential model;
    private final Optimizer optimizer;
    private final DataLoader<List<Tensor>, List<Tensor>> loader;
    private final CrossEntropyLoss lossFn = new CrossEntropyLoss();

    /**
     * Loads and splits the data, builds the model after {@code manualSeed(seed)}, its optimizer and the
     * shuffled loader.
     *
     * @param modelName "mlp" or "cnn"
     * @param optimizerName "sgd", "adam" or "adamw"
     * @param lr the learning rate
     * @param batchSize the training batch size
     * @param seed seeds the split's generator, the default generator (initial weights) and the loader's
     *     generator
     */
    public DigitsTraining(String modelName, String optimizerName, double lr, int batchSize, long seed) {
        this.split = Digits.split(Digits.load(), TRAIN_FRACTION, seed);
        this.model = DigitsModels.build(modelName, seed);
        this.optimizer = DigitsModels.optimizer(optimizerName, model.parameters(), lr);
        this.loader = DataLoader.of(split.train(), batchSize).shuffle(true).generator(new Generator(seed));
    }

    /**
     * The model being trained.
     *
     * @return the model
     */
    public Sequential model() {
        return model;
    }

    /**
     * The train/test split.
     *
     * @return the split
     */
    public Digits.Split split() {
        return split;
    }

    /**
     * The optimizer.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Batches per epoch.
     *
     * @return {@code len(loader)}
     */
    public int batchesPerEpoch() {
        return loader.size();
    }

    /** Sees each training step. */
    @FunctionalInterface
    public interface StepListener {
        /**
         * Called after each optimizer step.
         *
         * @param samples the samples in the step's batch
         * @param loss the batch's mean loss (before the step)
         * @param correct the batch's samples classified right (before the step)
         */
        void step(int samples, double loss, long correct);
    }

    /**
     * Trains one epoch (a pass of the loader in train mode), then evaluates on the test split.
     *
     * @param epoch the epoch's number, for the result
     * @param listener sees each step, or null
     * @return the epoch's figures
     */
    public EpochStats epoch(int epoch, StepListener listener) {
        long start = System.nanoTime();
        model.train();
        double total = 0;
        long correct = 0;
        int n = 0;
        for (List<Tensor> batch : loader) {
            Step s = step(batch);
            total += s.loss * s.samples;
            correct += s.correct;
            n += s.samples;
            if (listener != null) listener.step(s.samples, s.loss, s.correct);
        }
        DigitsModels.Evaluation test = DigitsModels.evaluate(model, split.test(), EVAL_BATCH_SIZE);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochStats(epoch, total / n, (double) correct / n, test.loss(), test.accuracy(), seconds);
    }

    /**
     * Trains {@code count} steps from where the run stands (passes of the loader as needed) and returns
     * their losses: what the golden comparison with PyTorch checks.
     *
     * @param count the steps
     * @return each step's batch loss, in order
     */
    public List<Double> steps(int count) {
        List<Double> losses = new ArrayList<>(count);
        model.train();
        while (losses.size() < count) {
            Iterator<List<Tensor>> it = loader.iterator();
            while (it.hasNext() && losses.size() < count) losses.add(step(it.next()).loss);
        }
        return losses;
    }

    /**
     * The test-split evaluation of the model as it stands.
     *
     * @return the evaluation
     */
    public DigitsModels.Evaluation evaluateTest() {
        return DigitsModels.evaluate(model, split.test(), EVAL_BATCH_SIZE);
    }

    private record Step(int samples, double loss, long correct) {}

    private Step step(List<Tensor> batch) {
        Tensor x = batch.get(0), y = batch.get(1);
        optimizer.zeroGrad();
        Tensor out = model.call(x);
        Tensor loss = lossFn.forward(out, y);
        loss.backward();
        optimizer.step();
        return new Step((int) y.size(0), loss.item(), DigitsModels.correct(out, y));
    }
}
