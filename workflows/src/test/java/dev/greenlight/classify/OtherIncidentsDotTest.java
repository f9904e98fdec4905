package dev.greenlight.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reference's dot product, summed in four parts, gives the straight sum's value (to rounding)
 * for the model's 384 dimensions and for lengths that are not a multiple of four.
 */
class OtherIncidentsDotTest {
  @Test
  void equalsTheStraightSumForEveryLength() {
    Random random = new Random(7);
    for (int length : new int[] {0, 1, 2, 3, 4, 5, 7, 383, 384, 385}) {
      float[] a = new float[length];
      float[] b = new float[length];
      for (int i = 0; i < length; i++) {
        a[i] = random.nextFloat() * 2 - 1;
        b[i] = random.nextFloat() * 2 - 1;
      }
      double straight = 0;
      for (int i = 0; i < length; i++) {
        straight += a[i] * b[i];
      }

      assertThat(OtherIncidents.dot(a, b))
          .as("length %d", length)
          .isCloseTo(straight, within(1e-9));
    }
  }

  @Test
  void aUnitVectorWithItselfIsOne() {
    float[] u = new float[384];
    Arrays.fill(u, (float) (1 / Math.sqrt(384)));

    assertThat(OtherIncidents.dot(u, u)).isCloseTo(1.0, within(1e-6));
  }
}
