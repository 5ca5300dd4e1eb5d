/**
 * The applications built on the library: {@code ./autograd4j train} ({@link org.autograd4j.app.Train}), which
 * trains a digits classifier with {@code nn}, {@code optim}, {@code data} and {@code io.Safetensors}. The data
 * ({@link org.autograd4j.app.Digits}), the models, optimizers and evaluation
 * ({@link org.autograd4j.app.DigitsModels}) and one training run ({@link org.autograd4j.app.DigitsTraining})
 * are public so other programs can train the same models. This package, unlike the library, uses libraries
 * from Maven Central: picocli, progressbar (with JLine) and XChart.
 */
package org.autograd4j.app;
