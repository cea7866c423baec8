package dev.conduit.testing.internal;

/** Sends each request to the routes of its resource; anything else is the real API's "Invalid URL". */
final class Router {
  private final ModelsRoutes models;
  private final ResponsesRoutes responses;
  private final ChatRoutes chat;
  private final EmbeddingsRoutes embeddings;
  private final FilesRoutes files;
  private final UploadsRoutes uploads;
  private final BatchesRoutes batches;
  private final VectorStoresRoutes vectorStores;
  private final ConversationsRoutes conversations;

  Router(FakeCore core) {
    this.models = new ModelsRoutes(core);
    this.responses = new ResponsesRoutes(core);
    this.chat = new ChatRoutes(core);
    this.embeddings = new EmbeddingsRoutes(core);
    this.files = new FilesRoutes(core);
    this.uploads = new UploadsRoutes(core);
    this.batches = new BatchesRoutes(core);
    this.vectorStores = new VectorStoresRoutes(core);
    this.conversations = new ConversationsRoutes(core);
  }

  Reply route(JournalEntry entry) {
    IncomingRequest req = entry.request();
    String path = req.path();
    Reply reply = null;
    if (path.startsWith("/v1/")) {
      String rest = path.substring(4);
      while (rest.endsWith("/") && rest.length() > 1) {
        rest = rest.substring(0, rest.length() - 1);
      }
      String[] seg = rest.split("/", -1);
      switch (seg[0]) {
        case "models":
          reply = models.route(req, seg);
          break;
        case "responses":
          reply = responses.route(entry, seg);
          break;
        case "chat":
          reply = chat.route(entry, seg);
          break;
        case "embeddings":
          reply = embeddings.route(req, seg);
          break;
        case "files":
          reply = files.route(req, seg);
          break;
        case "uploads":
          reply = uploads.route(req, seg);
          break;
        case "batches":
          reply = batches.route(req, seg);
          break;
        case "vector_stores":
          reply = vectorStores.route(req, seg);
          break;
        case "conversations":
          reply = conversations.route(req, seg);
          break;
        default:
          break;
      }
    }
    if (reply == null) {
      throw ApiError.notFound("Invalid URL (" + req.method() + " " + path + ")", null, null);
    }
    return reply;
  }
}
