package org.autograd4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.autograd4j.DType;
import org.autograd4j.GoldenFile;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.random.Generator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * DataLoader batch orders (two passes, with and without a generator, and how many draws they take from the
 * default generator) and randomSplit's subsets against PyTorch 1.13.1 (goldens/data.txt from
 * tools/goldens/gen_data.py).
 */
@Isolated("seeds PyTorch's default generator")
class DataLoaderTest {
    static final GoldenFile GOLDEN = GoldenFile.read("data.txt");

    static String pass(DataLoader<List<Tensor>, List<Tensor>> loader) {
        List<String> batches = new ArrayList<>();
        for (List<Tensor> batch : loader) {
            Tensor a = batch.get(0), b = batch.get(1);
            long[] idx = a.toLongArray();
            assertArrayEquals(new long[] {idx.length, 1}, b.shape());
            assertEquals(DType.FLOAT32, b.dtype());
            double[] half = b.toDoubleArray();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < idx.length; i++) {
                assertEquals(idx[i] * 0.5, half[i]);
                sb.append(i == 0 ? "" : ",").append(idx[i]);
            }
            batches.add(sb.toString());
        }
        return batches.isEmpty() ? "-" : String.join(" ", batches);
    }

    @TestFactory
    Stream<DynamicTest> batchOrdersArePyTorchs() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("loader\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1], () -> {
                Map<String, Integer> kv = new LinkedHashMap<>();
                for (String p : f[1].split(";")) kv.put(p.substring(0, p.indexOf('=')), Integer.parseInt(p.substring(p.indexOf('=') + 1)));
                int n = kv.get("n"), seed = kv.get("seed");
                var ds = new TensorDataset(Torch.arange(n), Torch.arange(n).mul(0.5).to(DType.FLOAT32).reshape(n, 1));
                var loader = DataLoader.of(ds, kv.get("bs")).shuffle(kv.get("shuffle") == 1).dropLast(kv.get("drop") == 1);
                if (kv.get("gen") == 1) {
                    Torch.manualSeed(seed + 1000);
                    loader.generator(new Generator(seed));
                } else {
                    Torch.manualSeed(seed);
                }
                assertEquals(f[2], pass(loader), line.where() + " pass 1");
                assertEquals(f[3], pass(loader), line.where() + " pass 2");
                assertEquals(Long.parseLong(f[4]), DataLoader.randomInt64(Generator.defaultGenerator()), line.where() + " after");
                assertEquals(f[2].equals("-") ? 0 : f[2].split(" ").length, loader.size(), line.where() + " len");
            });
        });
    }

    /** When each draw happens: the base seed at iterator(), the order at the first batch, the spare permutation on the pull past the end. */
    @TestFactory
    Stream<DynamicTest> drawsHappenWhenPyTorchsDo() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("timing\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1], () -> {
                Map<String, Integer> kv = new LinkedHashMap<>();
                for (String p : f[1].split(";")) kv.put(p.substring(0, p.indexOf('=')), Integer.parseInt(p.substring(p.indexOf('=') + 1)));
                int n = kv.get("n"), seed = kv.get("seed");
                var ds = new TensorDataset(Torch.arange(n), Torch.arange(n).mul(0.5).to(DType.FLOAT32).reshape(n, 1));
                Torch.manualSeed(seed);
                var it = DataLoader.of(ds, kv.get("bs")).shuffle(true).dropLast(kv.get("drop") == 1).iterator();
                List<String> draws = new ArrayList<>();
                for (int k = 0; k < 3; k++) draws.add(String.valueOf(Torch.randint(0, 1000).itemLong()));
                assertEquals(f[2], String.join(",", draws), line.where());
                List<String> batches = new ArrayList<>();
                while (it.hasNext()) {
                    StringBuilder sb = new StringBuilder();
                    for (long v : it.next().get(0).toLongArray()) sb.append(sb.isEmpty() ? "" : ",").append(v);
                    batches.add(sb.toString());
                }
                assertEquals(f[3], String.join(" ", batches), line.where());
                Generator g = new Generator(seed);
                var loader = DataLoader.of(ds, kv.get("bs")).shuffle(true).dropLast(kv.get("drop") == 1).generator(g);
                var it2 = loader.iterator();
                for (int k = 0; k < loader.size(); k++) it2.next();
                assertEquals(Long.parseLong(f[4]), DataLoader.randomInt64(g), line.where() + " before the end");
                assertEquals(false, it2.hasNext(), line.where());
                assertEquals(Long.parseLong(f[5]), DataLoader.randomInt64(g), line.where() + " after the end");
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> randomSplitIsPyTorchs() {
        return GOLDEN.lines().stream().filter(l -> l.text().startsWith("split\t")).map(line -> {
            String[] f = line.text().split("\t");
            return DynamicTest.dynamicTest(f[1] + " " + f[2] + " " + f[3], () -> {
                int n = Integer.parseInt(f[1]);
                List<Number> lengths = new ArrayList<>();
                for (String s : f[2].split(",")) lengths.add(s.contains(".") ? (Number) Double.parseDouble(s) : Integer.parseInt(s));
                Dataset<Integer> range = new Dataset<>() {
                    @Override
                    public Integer getItem(int i) {
                        return i;
                    }

                    @Override
                    public int size() {
                        return n;
                    }
                };
                Generator g;
                if (f[3].equals("default")) {
                    Torch.manualSeed(7);
                    g = Generator.defaultGenerator();
                } else {
                    g = new Generator(Long.parseLong(f[3]));
                }
                if (f[4].startsWith("ERR ValueError ")) {
                    var e = assertThrows(IllegalArgumentException.class, () -> Datasets.randomSplit(range, lengths, g), line.where());
                    assertEquals(f[4].substring("ERR ValueError ".length()), e.getMessage(), line.where());
                    return;
                }
                List<String> parts = new ArrayList<>();
                for (Subset<Integer> s : Datasets.randomSplit(range, lengths, g)) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < s.size(); i++) sb.append(i == 0 ? "" : ",").append(s.getItem(i));
                    parts.add(s.size() == 0 ? "-" : sb.toString());
                }
                assertEquals(f[4], String.join(" ", parts), line.where());
            });
        });
    }

    @Test
    void tensorDatasetChecksSizesAndSlicesRows() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TensorDataset(Torch.zeros(3, 2), Torch.zeros(4)));
        assertEquals("Size mismatch between tensors", e.getMessage());
        Tensor x = Torch.arange(6).reshape(3, 2);
        var ds = new TensorDataset(x, Torch.arange(3));
        assertEquals(3, ds.size());
        assertArrayEquals(new long[] {2, 3}, ds.getItem(1).get(0).toLongArray());
        assertEquals(1, ds.getItem(1).get(1).itemLong());
        assertThrows(IllegalArgumentException.class, () -> DataLoader.of(ds, 0));
    }
}
