/**
 * Conduit's core: the clients, typed services and models, the request pipeline, errors, streams,
 * pagers, and the two SPIs (transport and JSON codec) that other Conduit modules implement.
 * Packages under {@code dev.conduit.internal} are not exported.
 */
module dev.conduit {
  requires transitive org.jspecify;
  requires org.slf4j;

  exports dev.conduit;
  exports dev.conduit.core;
  exports dev.conduit.errors;
  exports dev.conduit.http;
  exports dev.conduit.json;
  exports dev.conduit.models;
  exports dev.conduit.models.chat;
  exports dev.conduit.models.embeddings;
  exports dev.conduit.models.files;
  exports dev.conduit.models.models;
  exports dev.conduit.models.responses;
  exports dev.conduit.models.webhooks;
  exports dev.conduit.services;
  exports dev.conduit.structured;

  uses dev.conduit.http.TransportProvider;
  uses dev.conduit.json.JsonCodecProvider;
}
