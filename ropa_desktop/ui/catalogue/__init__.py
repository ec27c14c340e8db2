"""The shared catalogue: processors, recipients and TOMs, as pages, forms and dialogs."""
