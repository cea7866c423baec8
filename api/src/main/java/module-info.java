/**
 * Conduit's core: the clients, typed resources and models, the request pipeline, errors, streams,
 * pagers, and the two SPIs (transport and JSON codec) that other Conduit modules implement.
 */
module dev.conduit {
  requires transitive org.jspecify;
  requires org.slf4j;

  exports dev.conduit.errors;
  exports dev.conduit.http;
  exports dev.conduit.json;

  uses dev.conduit.http.TransportProvider;
  uses dev.conduit.json.JsonCodecProvider;
}
