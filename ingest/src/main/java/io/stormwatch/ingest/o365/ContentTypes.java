package io.stormwatch.ingest.o365;

import java.util.List;

/** The content types of the Management Activity API. */
public final class ContentTypes {

  public static final String AZURE_ACTIVE_DIRECTORY = "Audit.AzureActiveDirectory";
  public static final String EXCHANGE = "Audit.Exchange";
  public static final String SHAREPOINT = "Audit.SharePoint";

  /** Every other workload. */
  public static final String GENERAL = "Audit.General";

  /** DLP events of all workloads; needs the extra permission to read DLP sensitive data. */
  public static final String DLP = "DLP.All";

  public static final List<String> ALL =
      List.of(AZURE_ACTIVE_DIRECTORY, EXCHANGE, SHAREPOINT, GENERAL, DLP);

  private ContentTypes() {}
}
