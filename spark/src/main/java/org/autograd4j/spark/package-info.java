/**
 * Data-parallel training of autograd4j models on Apache Spark: {@link org.autograd4j.spark.SparkTrainer}
 * (synchronous SGD, PyTorch DDP's semantics) over a {@code JavaRDD<}{@link org.autograd4j.spark.Example}{@code >}
 * or a {@code Dataset<Row>}, with checkpoints as safetensors and per-step timings
 * ({@link org.autograd4j.spark.StepMetrics}). Spark is this artifact's dependency only; the core library needs
 * nothing but the JDK.
 */
package org.autograd4j.spark;
