package io.stormwatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormwatch.formats.common.AuditJson;
import io.stormwatch.formats.common.RecordLimits;
import io.stormwatch.formats.ual.UalEventMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The UAL parser reads single records selectively ({@link UalEventMapper#FIELDS_READ}); it must
 * give exactly what reading the whole record gives, and no field outside the selection may matter.
 */
class SelectiveReadingTest {

  private static final ObjectMapper JSON = AuditJson.newMapper();
  private static final RecordMessageReader FULL =
      new RecordMessageReader(
          JSON, RecordLimits.DEFAULTS, new UalEventMapper(JSON)::toEvent, Set.of());
  private static final UnifiedAuditLogParser SELECTIVE = new UnifiedAuditLogParser();

  @Test
  void givesWhatAFullReadGivesOnEveryRecordAtHand() throws IOException {
    List<byte[]> records = records();
    assertThat(records).hasSizeGreaterThan(5);

    for (byte[] record : records) {
      assertThat(describe(SELECTIVE.parse(record)))
          .as(new String(record, StandardCharsets.UTF_8))
          .isEqualTo(describe(FULL.read(record)));
    }
  }

  @Test
  void givesWhatAFullReadGivesOnInputItRejectsOrReadsAgain() {
    List<String> odd =
        List.of(
            "{\"Id\":\"1\"} trailing",
            "{\"Id\":\"1\",\"Folders\":\"not an array\",\"Operation\":\"MailItemsAccessed\"}",
            "{\"Id\":\"1\",\"Folders\":[1,2,3],\"Folders\":\"last wins\"}",
            "{\"Id\":\"1\",\"Unused\":{\"deep\":[1,{\"x\":tru}]}}",
            "{\"Id\":\"1\",\"Unused\":\"bad escape \\q\"}",
            "[{\"Id\":\"1\"}]",
            "\"a string\"",
            "{\"Id\":",
            "{}");
    for (String message : odd) {
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      assertThat(describe(SELECTIVE.parse(bytes)))
          .as(message)
          .isEqualTo(describe(FULL.read(bytes)));
    }
  }

  @Test
  void noFieldOutsideTheSelectionChangesTheEvent() throws IOException {
    for (byte[] bytes : records()) {
      JsonNode tree;
      try {
        tree = JSON.readTree(bytes);
      } catch (JsonProcessingException notJson) {
        continue; // a broken record has no fields to remove
      }
      if (!tree.isObject()) {
        continue;
      }
      String whole = describe(FULL.read(bytes), false);
      List<String> fields = new ArrayList<>();
      tree.fieldNames().forEachRemaining(fields::add);
      for (String field : fields) {
        if (UalEventMapper.FIELDS_READ.contains(field)
            || UalEventMapper.ARRAYS_COUNTED.contains(field)) {
          continue;
        }
        ObjectNode without = ((ObjectNode) tree.deepCopy());
        without.remove(field);
        assertThat(describe(FULL.read(JSON.writeValueAsBytes(without)), false))
            .as("removing %s from %s", field, new String(bytes, StandardCharsets.UTF_8))
            .isEqualTo(whole);
      }
    }
  }

  /** The project's UAL fixtures, and the shared corpus's UAL records when it is at hand. */
  private static List<byte[]> records() throws IOException {
    List<byte[]> records = new ArrayList<>();
    for (String name :
        List.of(
            "azure-ad-user-logged-in.json",
            "mail-items-accessed-bind.json",
            "mail-items-accessed-sync.json",
            "owa-auth.json",
            "sharepoint-file-accessed.json",
            "consent-to-application.json",
            "add-app-role-assignment.json",
            "add-delegated-permission-grant.json",
            "add-mailbox-permission.json",
            "add-mailbox-folder-permission.json",
            "new-management-role-assignment.json")) {
      records.add(Fixtures.bytes("ual/" + name));
    }
    for (JsonNode element : JSON.readTree(Fixtures.bytes("ual/content-blob.json"))) {
      records.add(JSON.writeValueAsBytes(element));
    }
    var corpus = CorpusLocation.find().map(root -> root.resolve("ual"));
    if (corpus.isPresent() && Files.isDirectory(corpus.get())) {
      try (Stream<Path> files = Files.list(corpus.get())) {
        for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
          for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
              records.add(line.getBytes(StandardCharsets.UTF_8));
            }
          }
        }
      }
    }
    return records;
  }

  private static String describe(List<ParseResult> results) {
    return describe(results, true);
  }

  /** Results as text; a rejection's bytes only when {@code withBytes}. */
  private static String describe(List<ParseResult> results, boolean withBytes) {
    List<String> described = new ArrayList<>();
    for (ParseResult result : results) {
      if (result instanceof ParseResult.Parsed parsed) {
        described.add("parsed " + parsed.event());
      } else if (result instanceof ParseResult.Rejected rejected) {
        described.add(
            "rejected "
                + rejected.errorType()
                + " "
                + rejected.reason()
                + (withBytes ? " " + Arrays.toString(rejected.recordBytes()) : ""));
      }
    }
    return String.join("\n", described);
  }
}
