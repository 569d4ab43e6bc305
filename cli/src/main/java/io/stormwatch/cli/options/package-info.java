/** Options several commands share: the cluster and its settings, event-time ranges, sorting. */
package io.stormwatch.cli.options;
