package dev.conduit.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs every test class with Netty's leak detector at {@code PARANOID} (every buffer tracked) and
 * fails the class if any {@code ByteBuf} was garbage collected without being released. Registered
 * for all tests by auto-detection ({@code junit-platform.properties}), so it is installed before
 * any Netty buffer class is initialised.
 */
@SuppressWarnings("exports") // JUnit types in a test-only class patched into the module
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {
  private static final List<String> LEAKS = new ArrayList<>();

  static {
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    collect();
    synchronized (LEAKS) {
      LEAKS.clear();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    collect();
    synchronized (LEAKS) {
      if (!LEAKS.isEmpty()) {
        String report = String.join("\n\n", LEAKS);
        LEAKS.clear();
        throw new AssertionError("Netty buffers leaked in " + context.getDisplayName() + ":\n" + report);
      }
    }
  }

  /** Collects garbage and allocates, so the detector reports buffers that died unreleased. */
  static void collect() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (int j = 0; j < 64; j++) {
        ByteBuf a = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        a.release();
        ByteBuf b = PooledByteBufAllocator.DEFAULT.heapBuffer(16);
        b.release();
        ByteBuf c = UnpooledByteBufAllocator.DEFAULT.buffer(16);
        c.release();
      }
    }
  }

  /** Returns the number of leaks recorded since the current test class started. */
  static int leaks() {
    synchronized (LEAKS) {
      return LEAKS.size();
    }
  }

  private static final class RecordingFactory extends ResourceLeakDetectorFactory {
    @SuppressWarnings("deprecation") // the abstract method every factory must implement
    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
      return new ResourceLeakDetector<T>(resource, samplingInterval) {
        @Override
        protected boolean needReport() {
          return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
          synchronized (LEAKS) {
            LEAKS.add("LEAK " + resourceType + records);
          }
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
          synchronized (LEAKS) {
            LEAKS.add("LEAK " + resourceType + " (untraced)");
          }
        }
      };
    }
  }
}
