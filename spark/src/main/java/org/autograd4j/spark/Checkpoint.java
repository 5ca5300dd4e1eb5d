package org.autograd4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autograd4j.Tensor;
import org.autograd4j.Torch;
import org.autograd4j.io.Safetensors;
import org.autograd4j.nn.Module;
import org.autograd4j.optim.Optimizer;

/**
 * A training checkpoint as one safetensors file: the model's state dict under {@code model.}, the
 * optimizer's state tensors under {@code optimizer.state.<param>.<key>}, the epoch's sample order as
 * {@code trainer.order}; in the metadata the step, the epoch, the batches done in it, the shuffle
 * generator's state (base64) and the optimizer's non-tensor state and group options (tagged strings).
 * Loading it puts a run exactly where it was after that step.
 */
final class Checkpoint {
    static final String FORMAT = "autograd4j-spark-checkpoint/1";

    final long step;
    final long epoch;
    final long batchInEpoch;
    final long[] order;
    final byte[] generatorState;

    Checkpoint(long step, long epoch, long batchInEpoch, long[] order, byte[] generatorState) {
        this.step = step;
        this.epoch = epoch;
        this.batchInEpoch = batchInEpoch;
        this.order = order;
        this.generatorState = generatorState;
    }

    /** Writes the file atomically (a temporary file moved into place), so a crash never leaves half of one. */
    @SuppressWarnings("unchecked")
    void save(Path path, Module model, Optimizer optimizer) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", Long.toString(step));
        meta.put("epoch", Long.toString(epoch));
        meta.put("batch_in_epoch", Long.toString(batchInEpoch));
        meta.put("generator", Base64.getEncoder().encodeToString(generatorState));
        for (var e : model.stateDict().entrySet()) tensors.put("model." + e.getKey(), e.getValue());
        tensors.put("trainer.order", Torch.tensor(order));
        Map<String, Object> sd = optimizer.stateDict();
        var state = (Map<Integer, Map<String, Object>>) sd.get("state");
        for (var ps : state.entrySet()) {
            meta.put("optimizer.state." + ps.getKey(), String.join("|", ps.getValue().keySet()));
            for (var kv : ps.getValue().entrySet()) {
                String key = "optimizer.state." + ps.getKey() + "." + kv.getKey();
                if (kv.getValue() instanceof Tensor t) tensors.put(key, t.detach());
                else meta.put(key, encode(kv.getValue(), key));
            }
        }
        var groups = (List<Map<String, Object>>) sd.get("param_groups");
        meta.put("optimizer.groups", Integer.toString(groups.size()));
        for (int g = 0; g < groups.size(); g++) {
            for (var kv : groups.get(g).entrySet()) {
                if (kv.getKey().equals("params")) continue;
                String key = "optimizer.group." + g + "." + kv.getKey();
                meta.put(key, encode(kv.getValue(), key));
            }
        }
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
        try {
            Safetensors.save(tensors, meta, tmp);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a checkpoint into the model and optimizer and returns the trainer's position. */
    @SuppressWarnings("unchecked")
    static Checkpoint load(Path path, Module model, Optimizer optimizer) throws IOException {
        Map<String, String> meta = Safetensors.metadata(path);
        if (!FORMAT.equals(meta.get("format"))) {
            throw new IllegalArgumentException(path + " is not an autograd4j-spark checkpoint (format "
                    + meta.get("format") + ")");
        }
        Map<String, Tensor> tensors = Safetensors.load(path);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        for (var e : tensors.entrySet()) {
            if (e.getKey().startsWith("model.")) weights.put(e.getKey().substring("model.".length()), e.getValue());
        }
        Map<String, Object> sd = optimizer.stateDict();
        var groups = (List<Map<String, Object>>) sd.get("param_groups");
        int savedGroups = Integer.parseInt(meta.get("optimizer.groups"));
        if (savedGroups != groups.size()) {
            throw new IllegalArgumentException("loaded state dict has a different number of parameter groups");
        }
        List<Map<String, Object>> newGroups = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Map<String, Object> ng = new LinkedHashMap<>();
            String prefix = "optimizer.group." + g + ".";
            for (var kv : meta.entrySet()) {
                if (kv.getKey().startsWith(prefix)) ng.put(kv.getKey().substring(prefix.length()), decode(kv.getValue()));
            }
            ng.put("params", groups.get(g).get("params"));
            newGroups.add(ng);
        }
        Map<Integer, Map<String, Object>> newState = new LinkedHashMap<>();
        for (var kv : meta.entrySet()) {
            String k = kv.getKey();
            if (!k.startsWith("optimizer.state.") || k.indexOf('.', "optimizer.state.".length()) >= 0) continue;
            int id = Integer.parseInt(k.substring("optimizer.state.".length()));
            Map<String, Object> s = new LinkedHashMap<>();
            if (!kv.getValue().isEmpty()) {
                for (String key : kv.getValue().split("\\|")) {
                    String full = k + "." + key;
                    s.put(key, tensors.containsKey(full) ? tensors.get(full) : decode(meta.get(full)));
                }
            }
            newState.put(id, s);
        }
        Map<String, Object> loaded = new LinkedHashMap<>();
        loaded.put("state", newState);
        loaded.put("param_groups", newGroups);
        // Both checks happen before anything changes: a wrong file leaves model and optimizer as they were.
        Tensor order = tensors.get("trainer.order");
        if (order == null) throw new IllegalArgumentException(path + " has no trainer.order tensor");
        model.loadStateDict(weights);
        optimizer.loadStateDict(loaded);
        return new Checkpoint(Long.parseLong(meta.get("step")), Long.parseLong(meta.get("epoch")),
                Long.parseLong(meta.get("batch_in_epoch")), order.toLongArray(),
                Base64.getDecoder().decode(meta.get("generator")));
    }

    /** The file for a step: {@code step-00000020.safetensors}, so a listing sorts by step. */
    static Path file(Path dir, long step) {
        return dir.resolve(String.format("step-%08d.safetensors", step));
    }

    static String encode(Object v, String key) {
        if (v == null) return "null";
        if (v instanceof Boolean b) return "bool:" + b;
        if (v instanceof Integer i) return "int:" + i;
        if (v instanceof Long l) return "long:" + l;
        if (v instanceof Double d) return "double:" + d;
        if (v instanceof Float f) return "float:" + f;
        if (v instanceof String s) return "str:" + s;
        if (v instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof List<?>) throw new IllegalArgumentException("cannot checkpoint nested list " + key);
                items.add(encode(o, key));
            }
            return "list:" + String.join(";", items);
        }
        throw new IllegalArgumentException("cannot checkpoint " + key + " of type " + v.getClass().getName());
    }

    static Object decode(String s) {
        if (s.equals("null")) return null;
        int colon = s.indexOf(':');
        String tag = s.substring(0, colon), body = s.substring(colon + 1);
        return switch (tag) {
            case "bool" -> Boolean.parseBoolean(body);
            case "int" -> Integer.parseInt(body);
            case "long" -> Long.parseLong(body);
            case "double" -> Double.parseDouble(body);
            case "float" -> Float.parseFloat(body);
            case "str" -> body;
            case "list" -> {
                List<Object> out = new ArrayList<>();
                if (!body.isEmpty()) for (String item : body.split(";")) out.add(decode(item));
                yield List.copyOf(out);
            }
            default -> throw new IllegalArgumentException("unknown checkpoint value " + s);
        };
    }
}
