package io.stormwatch.detector.normalise;

import io.stormwatch.formats.ParseResult;
import java.util.List;

/** Turns one raw Kafka message into normalised events or rejections; never throws. */
@FunctionalInterface
public interface RawRecordParser {

  List<ParseResult> parse(byte[] message);
}
