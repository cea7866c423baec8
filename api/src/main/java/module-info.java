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
  // <generated-exports> Written by conduit-generator (see generator/README.md); do not edit by hand.
  exports dev.conduit.models.admin;
  exports dev.conduit.models.assistants;
  exports dev.conduit.models.audio;
  exports dev.conduit.models.batches;
  exports dev.conduit.models.beta;
  exports dev.conduit.models.chatkit;
  exports dev.conduit.models.completions;
  exports dev.conduit.models.containers;
  exports dev.conduit.models.contentprovenance;
  exports dev.conduit.models.conversations;
  exports dev.conduit.models.evals;
  exports dev.conduit.models.finetuning;
  exports dev.conduit.models.graders;
  exports dev.conduit.models.images;
  exports dev.conduit.models.moderations;
  exports dev.conduit.models.realtime;
  exports dev.conduit.models.shared;
  exports dev.conduit.models.skills;
  exports dev.conduit.models.threads;
  exports dev.conduit.models.uploads;
  exports dev.conduit.models.vectorstores;
  exports dev.conduit.models.videos;
  exports dev.conduit.services.admin;
  // </generated-exports>

  // kotlin-ext derives function-tool schemas for @JvmRecord data classes with the same generator.
  exports dev.conduit.internal.schema to dev.conduit.kotlin;

  uses dev.conduit.http.TransportProvider;
  uses dev.conduit.json.JsonCodecProvider;
}
