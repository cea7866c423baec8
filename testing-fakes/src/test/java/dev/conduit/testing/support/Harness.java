package dev.conduit.testing.support;

import dev.conduit.OpenAIClient;
import dev.conduit.http.Transport;
import dev.conduit.http.TransportOptions;
import dev.conduit.http.TransportProvider;
import dev.conduit.testing.FakeOpenAI;
import java.util.ServiceLoader;

/** The ways the behaviour tests reach a fake. */
public enum Harness {
  /** The in-memory fake through its own transport. */
  IN_MEMORY {
    @Override
    public FakeOpenAI fake() {
      return FakeOpenAI.inMemory();
    }

    @Override
    public RawHttp http(FakeOpenAI fake) {
      return new TransportHttp(fake.transport(), fake.baseUrl(), false);
    }
  },
  /** The loopback server through a plain {@code java.net.http.HttpClient}. */
  LOOPBACK_HTTP_CLIENT {
    @Override
    public FakeOpenAI fake() {
      return FakeOpenAI.start();
    }

    @Override
    public RawHttp http(FakeOpenAI fake) {
      return new HttpClientHttp(fake.baseUrl());
    }
  },
  /** The loopback server through Conduit's JDK transport. */
  LOOPBACK_JDK_TRANSPORT {
    @Override
    public FakeOpenAI fake() {
      return FakeOpenAI.start();
    }

    @Override
    public RawHttp http(FakeOpenAI fake) {
      return new TransportHttp(jdkTransport(), fake.baseUrl(), true);
    }
  };

  public abstract FakeOpenAI fake();

  public abstract RawHttp http(FakeOpenAI fake);

  /** Returns a builder of Conduit's client reaching {@code fake}: through its transport in memory, else over jdk. */
  public OpenAIClient.Builder client(FakeOpenAI fake) {
    OpenAIClient.Builder b = OpenAIClient.builder().apiKey("sk-test").baseUrl(fake.baseUrl());
    return this == IN_MEMORY ? b.transport(fake.transport()) : b.transport("jdk");
  }

  /** Returns a new transport from the provider named {@code jdk} (conduit-transport-jdk). */
  public static Transport jdkTransport() {
    for (TransportProvider p : ServiceLoader.load(TransportProvider.class)) {
      if (p.name().equals("jdk")) {
        return p.create(TransportOptions.defaults());
      }
    }
    throw new IllegalStateException("conduit-transport-jdk (TransportProvider 'jdk') is not on the test classpath");
  }
}
