// A small window that offers one file for drag and drop, as a file manager
// does: tests/e2e/drop.mjs builds it and drags from it onto the app with
// xdotool, so that a drop reaches the app through X's own drag and drop
// (XDND) and the window's native DragDrop event, never through the page.
//
// Usage: drag-source FILE X Y   (the window shows at X,Y; it quits once the drag ends)
#include <gtk/gtk.h>
#include <stdlib.h>

static char *uri;

static void data_get(GtkWidget *w, GdkDragContext *c, GtkSelectionData *d, guint info, guint time, gpointer p) {
  gchar *uris[] = {uri, NULL};
  gtk_selection_data_set_uris(d, uris);
}

static void drag_end(GtkWidget *w, GdkDragContext *c, gpointer p) { gtk_main_quit(); }

int main(int argc, char **argv) {
  gtk_init(&argc, &argv);
  if (argc != 4) return 2;
  uri = g_filename_to_uri(argv[1], NULL, NULL);
  if (!uri) return 2;
  GtkWidget *win = gtk_window_new(GTK_WINDOW_TOPLEVEL);
  gtk_window_set_title(GTK_WINDOW(win), "drag-source");
  gtk_window_set_default_size(GTK_WINDOW(win), 120, 80);
  gtk_window_move(GTK_WINDOW(win), atoi(argv[2]), atoi(argv[3]));
  GtkWidget *box = gtk_event_box_new();
  gtk_container_add(GTK_CONTAINER(box), gtk_label_new("file"));
  gtk_container_add(GTK_CONTAINER(win), box);
  GtkTargetEntry targets[] = {{"text/uri-list", 0, 0}};
  gtk_drag_source_set(box, GDK_BUTTON1_MASK, targets, 1, GDK_ACTION_COPY);
  g_signal_connect(box, "drag-data-get", G_CALLBACK(data_get), NULL);
  g_signal_connect(box, "drag-end", G_CALLBACK(drag_end), NULL);
  g_signal_connect(win, "destroy", G_CALLBACK(gtk_main_quit), NULL);
  gtk_widget_show_all(win);
  gtk_main();
  return 0;
}
