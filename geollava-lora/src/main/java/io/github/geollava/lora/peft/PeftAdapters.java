package io.github.geollava.lora.peft;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.github.geollava.core.nn.ModulePaths;
import io.github.geollava.core.safetensors.MalformedSafetensorsException;
import io.github.geollava.core.safetensors.SafetensorsDType;
import io.github.geollava.core.safetensors.SafetensorsFile;
import io.github.geollava.core.safetensors.SafetensorsWriter;
import io.github.geollava.core.safetensors.TensorInfo;
import io.github.geollava.lora.config.LoraConfig;
import io.github.geollava.lora.config.LoraConfigJson;
import io.github.geollava.lora.inject.InjectionReport;
import io.github.geollava.lora.inject.LoraInjector;
import io.github.geollava.lora.layer.LoraLinear;
import io.github.geollava.lora.layer.ParameterValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads PEFT adapter folders: {@code adapter_config.json} plus
 * {@code adapter_model.safetensors} keyed {@code base_model.model.<module path>.lora_A.weight} /
 * {@code .lora_B.weight} (PEFT strips the adapter name), float32, metadata {@code {"format": "pt"}};
 * modules_to_save as {@code base_model.model.<module path>.<parameter>}. A small
 * {@code geollava_provenance.json} (library version, adapter name, SHA-256 of the weights) is
 * written alongside.
 */
public final class PeftAdapters {

  private static final Logger LOG = LoggerFactory.getLogger(PeftAdapters.class);

  /** The adapter config file name. */
  public static final String CONFIG_FILE = "adapter_config.json";
  /** The adapter weights file name. */
  public static final String WEIGHTS_FILE = "adapter_model.safetensors";
  /** Our provenance record next to PEFT's files (PEFT ignores it). */
  public static final String PROVENANCE_FILE = "geollava_provenance.json";
  /** PEFT's key prefix. */
  public static final String PREFIX = "base_model.model.";

  private PeftAdapters() {}

  /**
   * Writes an adapter folder (created if needed; each file replaced atomically).
   *
   * @param root the model with LoRA layers
   * @param adapter the adapter to save
   * @param config its config (written as {@code adapter_config.json})
   * @param dir the folder
   * @return the number of tensors written
   */
  public static int save(Block root, String adapter, LoraConfig config, Path dir) throws IOException {
    SafetensorsWriter w = SafetensorsWriter.create().metadata("format", "pt");
    int n = 0;
    for (Map.Entry<String, LoraLinear> e : LoraInjector.loraLayers(root).entrySet()) {
      LoraLinear l = e.getValue();
      if (!l.adapterNames().contains(adapter)) {
        continue;
      }
      if (!l.mergedAdapters().isEmpty()) {
        throw new IllegalStateException("unmerge '" + e.getKey() + "' before saving its adapter");
      }
      put(w, PREFIX + e.getKey() + ".lora_A.weight", l.loraA(adapter));
      put(w, PREFIX + e.getKey() + ".lora_B.weight", l.loraB(adapter));
      n += 2;
    }
    if (n == 0) {
      throw new IllegalArgumentException("adapter: no LoRA layer has an adapter named '" + adapter + "'");
    }
    if (!config.modulesToSave().isEmpty()) {
      for (Map.Entry<String, Parameter> e : ModulePaths.parameters(root).entrySet()) {
        if (inModulesToSave(config, e.getKey())) {
          put(w, PREFIX + e.getKey(), e.getValue());
          n++;
        }
      }
    }
    Files.createDirectories(dir);
    w.write(dir.resolve(WEIGHTS_FILE));
    writeAtomically(dir.resolve(CONFIG_FILE), LoraConfigJson.write(config));
    writeAtomically(dir.resolve(PROVENANCE_FILE), provenance(adapter, n, dir.resolve(WEIGHTS_FILE)));
    LOG.info("saved adapter '{}' ({} tensors) to {}", adapter, n, dir);
    return n;
  }

  private static String provenance(String adapter, int tensors, Path weights) throws IOException {
    String version = PeftAdapters.class.getPackage().getImplementationVersion();
    String sha;
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(weights));
      sha = java.util.HexFormat.of().formatHex(d);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    return "{\n  \"library\": \"geollava-lora\",\n  \"version\": \"" + (version == null ? "dev" : version)
        + "\",\n  \"adapter\": \"" + adapter.replace("\"", "") + "\",\n  \"tensors\": " + tensors
        + ",\n  \"adapter_model_sha256\": \"" + sha + "\"\n}\n";
  }

  private static void put(SafetensorsWriter w, String key, Parameter p) {
    w.putFloats(key, p.getArray().toFloatArray(), p.getArray().getShape().getShape());
  }

  private static boolean inModulesToSave(LoraConfig config, String paramName) {
    for (String m : config.modulesToSave()) {
      if (paramName.startsWith(m + ".") || paramName.contains("." + m + ".")) {
        return true;
      }
    }
    return false;
  }

  /** Reads a folder's {@code adapter_config.json}. */
  public static LoraConfig readConfig(Path dir) throws IOException {
    Path f = dir.resolve(CONFIG_FILE);
    return LoraConfigJson.parse(Files.readString(f, StandardCharsets.UTF_8), f.toString());
  }

  /**
   * Injects the folder's adapter into {@code root} and loads its weights.
   *
   * @param root the base model (no adapter of that name yet)
   * @param dir the adapter folder
   * @param injector settings beyond the config (adapter name, excluded prefixes); its config is
   *     replaced by the folder's
   * @return the injection report
   * @throws IllegalArgumentException listing every adapter key whose module the model lacks, or
   *     every wrapped module the file has no weights for, or a shape mismatch
   */
  public static InjectionReport load(Block root, Path dir, LoraInjector.Builder injector)
      throws IOException, MalformedSafetensorsException {
    LoraConfig config = readConfig(dir);
    Path weights = dir.resolve(WEIGHTS_FILE);
    try (SafetensorsFile file = SafetensorsFile.open(weights)) {
      Map<String, Block> modules = ModulePaths.modules(root);
      List<String> missing = new ArrayList<>();
      for (String key : file.names()) {
        String module = moduleOf(key, weights);
        if (module != null && !modules.containsKey(module)) {
          missing.add(module);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(weights + ": the model has no module for "
            + missing.size() + " adapter targets: " + missing);
      }
      LoraInjector inj = injector.setConfig(config).build();
      InjectionReport report = inj.inject(root);
      Map<String, LoraLinear> layers = LoraInjector.loraLayers(root);
      List<String> noWeights = new ArrayList<>();
      for (String path : report.wrapped()) {
        String ka = PREFIX + path + ".lora_A.weight";
        String kb = PREFIX + path + ".lora_B.weight";
        if (!file.contains(ka) || !file.contains(kb)) {
          noWeights.add(path);
          continue;
        }
        LoraLinear l = layers.get(path);
        checkShape(file.info(ka), l.loraA(inj.adapterName()), weights);
        checkShape(file.info(kb), l.loraB(inj.adapterName()), weights);
        l.setWeights(inj.adapterName(), file.readFloats(ka), file.readFloats(kb));
      }
      if (!noWeights.isEmpty()) {
        throw new IllegalArgumentException(weights + ": no lora_A/lora_B weights for "
            + noWeights.size() + " targeted modules: " + noWeights);
      }
      Map<String, Parameter> params = ModulePaths.parameters(root);
      for (String key : file.names()) {
        if (!key.contains(".lora_A.") && !key.contains(".lora_B.")) {
          Parameter p = params.get(key.substring(PREFIX.length()));
          if (p == null) {
            throw new IllegalArgumentException(weights + ": no parameter for '" + key + "'");
          }
          checkShape(file.info(key), p, weights);
          ParameterValues.overwrite(p, file.readFloats(key));
        }
      }
      LOG.info("loaded adapter '{}' from {}: {}", inj.adapterName(), dir, report.summary());
      return report;
    }
  }

  /** The module path a key belongs to, or null when the key has not PEFT's prefix (an error). */
  private static String moduleOf(String key, Path file) {
    if (!key.startsWith(PREFIX)) {
      throw new IllegalArgumentException(file + ": key '" + key + "' does not start with '" + PREFIX
          + "'; not a PEFT adapter file");
    }
    String rest = key.substring(PREFIX.length());
    int i = rest.indexOf(".lora_A.");
    if (i < 0) {
      i = rest.indexOf(".lora_B.");
    }
    if (i < 0) {
      i = rest.lastIndexOf('.');
    }
    return i < 0 ? null : rest.substring(0, i);
  }

  private static void checkShape(TensorInfo info, Parameter p, Path file) {
    long[] want = p.getArray().getShape().getShape();
    if (!Arrays.equals(info.shape(), want)) {
      throw new IllegalArgumentException(file + ": tensor '" + info.name() + "' has shape "
          + Arrays.toString(info.shape()) + " but the model expects " + Arrays.toString(want));
    }
    if (info.dtype() != SafetensorsDType.F32 && info.dtype() != SafetensorsDType.F16
        && info.dtype() != SafetensorsDType.BF16) {
      throw new IllegalArgumentException(file + ": tensor '" + info.name() + "' has dtype "
          + info.dtype() + ", expected a float type");
    }
  }

  /** Keys and shapes of an adapter file, sorted (for comparing two files). */
  public static Map<String, long[]> keys(Path weights) throws IOException, MalformedSafetensorsException {
    Map<String, long[]> out = new TreeMap<>();
    try (SafetensorsFile f = SafetensorsFile.open(weights)) {
      for (String k : f.names()) {
        out.put(k, f.info(k).shape());
      }
    }
    return out;
  }

  private static void writeAtomically(Path target, String text) throws IOException {
    Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
