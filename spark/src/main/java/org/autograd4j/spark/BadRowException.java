package org.autograd4j.spark;

/**
 * A training row that cannot become an example (a null or missing column, a feature vector of the wrong
 * length, a non-finite value, a label of the wrong kind). The message names the Spark partition and the
 * row's index inside it, so the row can be found with {@code rdd.mapPartitionsWithIndex}.
 */
public final class BadRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The partition holding the row. */
    private final int partition;
    /** The row's index inside its partition, from 0. */
    private final long row;

    /**
     * A bad row.
     *
     * @param partition the partition index
     * @param row       the row's index in the partition
     * @param problem   what is wrong with it
     */
    public BadRowException(int partition, long row, String problem) {
        super("bad training row: partition " + partition + ", row " + row + ": " + problem);
        this.partition = partition;
        this.row = row;
    }

    /**
     * The partition holding the row.
     *
     * @return the partition index
     */
    public int partition() {
        return partition;
    }

    /**
     * The row's index inside its partition.
     *
     * @return the index, from 0
     */
    public long row() {
        return row;
    }
}
