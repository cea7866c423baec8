package dev.conduit.testing;

import dev.conduit.testing.contract.BatchesContract;
import dev.conduit.testing.contract.ChatContract;
import dev.conduit.testing.contract.CompactionAndInputTokensContract;
import dev.conduit.testing.contract.ConversationsContract;
import dev.conduit.testing.contract.EmbeddingsContract;
import dev.conduit.testing.contract.FaultsContract;
import dev.conduit.testing.contract.FilesContract;
import dev.conduit.testing.contract.JournalContract;
import dev.conduit.testing.contract.ModelsContract;
import dev.conduit.testing.contract.ResponsesContract;
import dev.conduit.testing.contract.ResponsesStreamingContract;
import dev.conduit.testing.contract.ScriptingContract;
import dev.conduit.testing.contract.UploadsContract;
import dev.conduit.testing.contract.ValidationContract;
import dev.conduit.testing.contract.VectorStoreSearchContract;
import dev.conduit.testing.contract.VectorStoresContract;
import dev.conduit.testing.support.Harness;
import org.junit.jupiter.api.Nested;

/** Every behaviour contract against the loopback server, through Conduit's JDK transport ({@code JdkTransport}). */
class LoopbackJdkTransportTest {
  private static final Harness H = Harness.LOOPBACK_JDK_TRANSPORT;

  @Nested
  class Models extends ModelsContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Responses extends ResponsesContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class ResponsesStreaming extends ResponsesStreamingContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class CompactionAndInputTokens extends CompactionAndInputTokensContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Chat extends ChatContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Embeddings extends EmbeddingsContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Files extends FilesContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Uploads extends UploadsContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Batches extends BatchesContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Validation extends ValidationContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Scripting extends ScriptingContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Faults extends FaultsContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Journal extends JournalContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class VectorStores extends VectorStoresContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class VectorStoreSearch extends VectorStoreSearchContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }

  @Nested
  class Conversations extends ConversationsContract {
    @Override
    protected Harness harness() {
      return H;
    }
  }
}
