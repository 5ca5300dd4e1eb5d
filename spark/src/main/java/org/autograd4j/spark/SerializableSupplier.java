package org.autograd4j.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A {@link Supplier} Spark can ship to executors: a lambda or method reference typed as this interface is
 * serializable, so {@code MyModel::new} travels inside a task.
 *
 * @param <T> what it supplies
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {
}
