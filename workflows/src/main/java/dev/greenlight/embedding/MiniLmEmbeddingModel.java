package dev.greenlight.embedding;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized) in-process: the model file of langchain4j's bundle run with
 * onnxruntime, tokenized in Java ({@link WordPieces}) instead of Hugging Face's Rust natives (9.5
 * MB of the jar for two platforms). The same vectors as langchain4j's {@code
 * AllMiniLmL6V2QuantizedEmbeddingModel}: the mean of the token vectors, normalised; a long text
 * counts by its first 126 word pieces, as the model's tokenizer truncates it.
 */
public final class MiniLmEmbeddingModel implements EmbeddingModel {
  /** Model name and version as shown on cards and in {@code eval}. */
  public static final String NAME = "all-MiniLM-L6-v2-q (langchain4j-embeddings 1.19.0-beta29)";

  static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
  private static final int DIMENSION = 384;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final WordPieces tokenizer;
  private final boolean takesTypeIds;

  private MiniLmEmbeddingModel(byte[] model, WordPieces tokenizer) throws OrtException {
    this.session = environment.createSession(model);
    this.tokenizer = tokenizer;
    this.takesTypeIds = session.getInputNames().contains("token_type_ids");
  }

  /**
   * Loads the model from the class path ({@link ModelFiles}); when it is not there, fails with a
   * message that names the missing file, the model jar and the directory it belongs in.
   */
  public static MiniLmEmbeddingModel load() {
    try (InputStream model = resource(MODEL_RESOURCE);
        InputStream vocab = resource(TOKENIZER_RESOURCE)) {
      return new MiniLmEmbeddingModel(model.readAllBytes(), WordPieces.fromTokenizerJson(vocab));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the local model: " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime cannot load the local model: " + e, e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = MiniLmEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(ModelFiles.missing(name));
    }
    return in;
  }

  @Override
  public Response<Embedding> embed(String text) {
    return Response.from(Embedding.from(vector(text)));
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<Embedding> out = new ArrayList<>(segments.size());
    for (TextSegment s : segments) {
      out.add(Embedding.from(vector(s.text())));
    }
    return Response.from(out);
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public String modelName() {
    return NAME;
  }

  /** The text's unit-length embedding. */
  float[] vector(String text) {
    return normalized(meanPooled(tokenizer.ids(tokenizer.tokenize(text))));
  }

  private float[] meanPooled(long[] ids) {
    long[] shape = {1, ids.length};
    long[] ones = new long[ids.length];
    Arrays.fill(ones, 1L);
    try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor mask = OnnxTensor.createTensor(environment, LongBuffer.wrap(ones), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
      Map<String, OnnxTensor> inputs =
          takesTypeIds
              ? Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types)
              : Map.of("input_ids", inputIds, "attention_mask", mask);
      try (OrtSession.Result result = session.run(inputs)) {
        float[][] vectors = ((float[][][]) result.get(0).getValue())[0];
        return mean(vectors);
      }
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime failed on an embedding: " + e.getMessage(), e);
    }
  }

  /** Each text's unit-length embedding, the texts run through the model together. */
  float[][] vectors(List<String> texts) {
    int n = texts.size();
    long[][] ids = new long[n][];
    int width = 0;
    for (int i = 0; i < n; i++) {
      ids[i] = tokenizer.ids(tokenizer.tokenize(texts.get(i)));
      width = Math.max(width, ids[i].length);
    }
    long[] flatIds = new long[n * width];
    long[] mask = new long[n * width];
    for (int i = 0; i < n; i++) {
      System.arraycopy(ids[i], 0, flatIds, i * width, ids[i].length);
      Arrays.fill(mask, i * width, i * width + ids[i].length, 1L);
    }
    long[] shape = {n, width};
    try (OnnxTensor inputIds =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(flatIds), shape);
        OnnxTensor m = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[n * width]), shape)) {
      Map<String, OnnxTensor> inputs =
          takesTypeIds
              ? Map.of("input_ids", inputIds, "attention_mask", m, "token_type_ids", types)
              : Map.of("input_ids", inputIds, "attention_mask", m);
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] out = (float[][][]) result.get(0).getValue();
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
          vectors[i] = normalized(mean(Arrays.copyOf(out[i], ids[i].length)));
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("onnxruntime failed on an embedding: " + e.getMessage(), e);
    }
  }

  private static float[] mean(float[][] rows) {
    float[] mean = new float[rows[0].length];
    for (float[] row : rows) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += row[i];
      }
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= rows.length;
    }
    return mean;
  }

  /** The vector scaled to unit length (a zero vector stays zero). */
  private static float[] normalized(float[] v) {
    double sq = 0;
    for (float x : v) {
      sq += x * x;
    }
    float norm = (float) Math.sqrt(sq);
    for (int i = 0; i < v.length && norm > 0; i++) {
      v[i] /= norm;
    }
    return v;
  }
}
