package org.autograd4j.spark;

import java.util.List;
import org.autograd4j.nn.Module;
import org.autograd4j.optim.Optimizer;

/**
 * The outcome of {@link SparkTrainer#fit}: the driver's model with the trained weights, its optimizer (for a
 * further run or its {@code stateDict}) and one {@link StepMetrics} per step taken in this run.
 *
 * @param model     the trained model (the driver's copy)
 * @param optimizer the optimizer that updated it
 * @param steps     per-step metrics, in order
 */
public record TrainResult(Module model, Optimizer optimizer, List<StepMetrics> steps) {
}
