package org.autograd4j.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.autograd4j.Tensor;
import org.autograd4j.app.Digits;
import org.autograd4j.app.DigitsModels;
import org.autograd4j.app.DigitsTraining;
import org.autograd4j.app.EpochStats;
import org.autograd4j.app.Train;
import org.autograd4j.app.TrainOptions;
import org.autograd4j.nn.Module;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./autograd4j train --spark MASTER}: {@code train}'s digits run ({@link Train}, same options), trained
 * data-parallel by {@link SparkTrainer}: the training split in {@code --partitions} partitions, each step's
 * global batch of {@code --batch-size} split over them, gradients summed by {@code treeAggregate}, the
 * optimizer stepping on the driver. The steps are {@code DigitsTraining}'s up to the float32 summation order
 * (PyTorch DDP's semantics), so it prints the same per-epoch lines, writes the same {@code metrics.csv},
 * {@code curves.png} and {@code model.safetensors}, checks the reload, and ends with the same
 * {@code test accuracy: 0.9889} line. Spark's log goes to stderr at WARN.
 *
 * <p>{@code MASTER} is any Spark master URL: {@code local[2]} (an embedded Spark with 2 task slots),
 * {@code spark://host:7077} (a standalone cluster: the driver ships the library, app and spark-module jars
 * to the executors with {@code SparkConf.setJars}). Under {@code spark-submit --class
 * org.autograd4j.spark.SparkTrain} it may be left out: spark-submit's {@code --master} and {@code --jars}
 * apply. Further Spark settings come from {@code -Dspark.*}
 * system properties ({@code AUTOGRAD4J_JAVA_OPTS="-Dspark.driver.host=10.0.0.5"}).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = SparkTrain.Version.class,
        description = {"Trains the digits classifier of ./autograd4j train data-parallel on Apache Spark: the same",
                "options, output files and last line (test accuracy: 0.9889). docs/spark.md"})
public final class SparkTrain implements Callable<Integer> {
    /** Spark's log4j2 configuration for this command: WARN and above, on stderr. */
    static final String LOG_CONFIG = "train-log4j2.properties";

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainOptions options;

    // Under spark-submit the master is spark-submit's --master (the spark.master property): --spark may go.
    @Option(names = "--spark", paramLabel = "MASTER", defaultValue = "${sys:spark.master}",
            description = "the Spark master: local[2], local[*], spark://host:7077, ... (default: spark-submit's --master)")
    private String master;

    @Option(names = "--partitions", paramLabel = "P",
            description = "partitions of the training split (default: Spark's default parallelism, the task slots)")
    private Integer partitions;

    /** Creates the command with its defaults; picocli fills the options. */
    public SparkTrain() {}

    /**
     * Runs the command line and exits with its status: 0 done, 1 failed ({@code train: <error>} on stderr),
     * 2 a usage error.
     *
     * @param args the options, {@code --spark MASTER} among them
     */
    public static void main(String[] args) {
        quietSparkLog();
        System.exit(run(args));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the options
     * @return the exit status (as {@link #main})
     */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * The picocli command line, with its error handler: a failure prints {@code train: <message>} on stderr
     * and exits 1.
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        return Train.commandLine(new SparkTrain());
    }

    /** Points log4j2 at {@link #LOG_CONFIG} unless the user chose a configuration; before Spark loads. */
    static void quietSparkLog() {
        URL config = SparkTrain.class.getResource(LOG_CONFIG);
        if (config != null && System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", config.toString());
        }
    }

    @Override
    public Integer call() throws IOException {
        if (master == null || master.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--spark=MASTER'");
        }
        options.validateAndApply(spec.commandLine());
        if (partitions != null && partitions < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--partitions must be at least 1, got " + partitions);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Digits.Split split = Digits.split(Digits.load(), DigitsTraining.TRAIN_FRACTION, options.seed());
        List<Example> examples = DigitsOnSpark.examples(split.train());

        SparkConf conf = new SparkConf().setMaster(master).setAppName("autograd4j train digits-" + options.model())
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            // One machine: no hostname lookups, nothing listening beyond loopback.
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1")
                    .setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            // What the executors load the tasks' classes from (spark-submit sets spark.jars itself).
            conf.setJars(executorJars());
        }
        try (var jsc = new JavaSparkContext(conf)) {
            int p = partitions != null ? partitions : jsc.defaultParallelism();
            JavaRDD<Example> rdd = jsc.parallelize(examples, p);
            // The model is the one SparkTrainer builds after manual_seed(seed), as DigitsTraining builds it;
            // this copy only names the architecture and the parameter count in the header.
            Module shape = DigitsModels.build(options.model());
            Train.printHeader(stdout, options, shape, split);
            stdout.printf(Locale.ROOT, "on Spark %s (master %s): %d partitions, global batch %d%n",
                    jsc.version(), jsc.master(), rdd.getNumPartitions(), options.batchSize());
            stdout.flush();

            Trained result = train(rdd, split, options, stats -> {
                stdout.println(stats.line(options.epochs()));
                stdout.flush();
            });
            Train.writeResults(stdout, options, result.model(), split, result.history());
        }
        return 0;
    }

    /**
     * A finished run: the driver's trained model and each epoch's figures.
     *
     * @param model the trained model
     * @param history one entry per epoch, in order
     */
    record Trained(Module model, List<EpochStats> history) {}

    /**
     * Trains {@code options}' digits run on {@code rdd} (the training split's examples, in the split's order,
     * in any number of partitions) and gives each epoch's figures as {@code DigitsTraining.epoch} computes
     * them: the train loss and accuracy over the epoch's batches as the model stood before each step (each
     * batch's mean loss weighted by its size), then the test split's evaluation; the seconds are the epoch's
     * wall time on the driver, the first epoch including Spark's packing and caching of the partitions.
     *
     * @param rdd the training examples
     * @param split the data (its test split is evaluated after each epoch)
     * @param options model, optimizer, learning rate, global batch size, seed, epochs
     * @param perEpoch sees each epoch's figures as they come
     * @return the trained model and the epochs' figures
     */
    static Trained train(JavaRDD<Example> rdd, Digits.Split split, TrainOptions options, Consumer<EpochStats> perEpoch) {
        List<EpochStats> history = new ArrayList<>();
        long[] start = {System.nanoTime()};
        double[] sums = new double[2]; // loss·samples, correct
        int[] seen = new int[1];
        TrainResult result = DigitsOnSpark.trainer(options.model(), options.optimizer(), options.lr(), options.batchSize(), options.seed())
                .epochs(options.epochs())
                .onStep(m -> {
                    sums[0] += m.loss() * m.batchSize();
                    sums[1] += m.correct();
                    seen[0] += m.batchSize();
                })
                .onEpochEnd((epoch, model) -> {
                    DigitsModels.Evaluation test = DigitsModels.evaluate(model, split.test(), DigitsTraining.EVAL_BATCH_SIZE);
                    long now = System.nanoTime();
                    var stats = new EpochStats((int) epoch + 1, sums[0] / seen[0], sums[1] / seen[0], test.loss(), test.accuracy(),
                            (now - start[0]) / 1e9);
                    history.add(stats);
                    perEpoch.accept(stats);
                    sums[0] = sums[1] = seen[0] = 0;
                    start[0] = System.nanoTime();
                })
                .fit(rdd);
        return new Trained(result.model(), List.copyOf(history));
    }

    /**
     * The jars a cluster's executors need for the tasks: this module's (the trainer, the digits factories),
     * the app's (the models) and the library's. Spark, Scala and picocli they have or do not need.
     */
    static String[] executorJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(SparkTrain.class, DigitsModels.class, Tensor.class)) {
            String[] jar = JavaSparkContext.jarOfClass(c);
            if (jar.length == 0) {
                throw new IllegalStateException(c.getName() + " is not loaded from a jar, so it cannot be shipped to the executors"
                        + " (build the jars: ./mvnw -pl spark -am package -DskipTests, or run through ./autograd4j)");
            }
            jars.add(jar[0]);
        }
        return jars.toArray(String[]::new);
    }

    /** {@code --version}: the module's version (the jar manifest's, when it has one) and the JDK. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SparkTrain.class.getPackage().getImplementationVersion();
            return new String[] {"autograd4j train --spark " + (v != null ? v : "(development build)"), "JDK " + Runtime.version()};
        }
    }
}
