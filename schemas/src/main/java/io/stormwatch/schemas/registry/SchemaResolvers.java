package io.stormwatch.schemas.registry;

import io.stormwatch.schemas.serde.BundledSchemaResolver;
import io.stormwatch.schemas.serde.SchemaResolver;
import java.util.Optional;

/** Chooses the schema resolver: the registry when one is configured, else the bundled ids. */
public final class SchemaResolvers {

  private SchemaResolvers() {}

  /**
   * A {@link RegistrySchemaResolver} for {@code registry}, or a {@link BundledSchemaResolver}
   * without one.
   *
   * @throws SchemaRegistryException if the registry's trust store cannot be read
   */
  public static SchemaResolver of(Optional<SchemaRegistrySettings> registry) {
    return registry
        .<SchemaResolver>map(RegistrySchemaResolver::new)
        .orElseGet(BundledSchemaResolver::new);
  }
}
