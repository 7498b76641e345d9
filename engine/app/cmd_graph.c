/* cmd_graph.c: `samenspel graph`: the dialogue graph of a case as Graphviz DOT. */
#include "commands.h"

#include <stdio.h>
#include "core/handbook.h"
#include "core/scenario.h"

/* A DOT string: quotes and backslashes escaped, control characters dropped. */
static void quoted(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            putchar('\\');
        if ((unsigned char)*s >= 0x20)
            putchar(*s);
    }
    putchar('"');
}

static const char *kind_name(const sp_node *n)
{
    switch (n->kind) {
    case SP_NODE_GOTO: return "goto";
    case SP_NODE_DECISION: return "decision";
    case SP_NODE_THOUGHT: return "thought";
    case SP_NODE_ENDING:
        return n->ending_kind == SP_ENDING_GOOD ? "ending: good"
             : n->ending_kind == SP_ENDING_MIXED ? "ending: mixed" : "ending: poor";
    }
    return "";
}

static const char *node_attrs(const sp_node *n)
{
    switch (n->kind) {
    case SP_NODE_GOTO: return "shape=box, style=rounded";
    case SP_NODE_DECISION: return "shape=box";
    case SP_NODE_THOUGHT: return "shape=ellipse, style=dashed";
    case SP_NODE_ENDING:
        return n->ending_kind == SP_ENDING_GOOD ? "shape=doubleoctagon, style=filled, fillcolor=\"#b7e1b0\""
             : n->ending_kind == SP_ENDING_MIXED ? "shape=doubleoctagon, style=filled, fillcolor=\"#f5d98b\""
             : "shape=doubleoctagon, style=filled, fillcolor=\"#f2a8a0\"";
    }
    return "";
}

static void print_dot(const sp_scenario *sc)
{
    printf("digraph ");
    quoted(sc->id);
    printf(" {\n  rankdir=TB;\n  node [fontname=\"DejaVu Sans\", fontsize=10];\n"
           "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *n = &sc->nodes[i];
        char label[512];
        snprintf(label, sizeof label, "%s\n(%s)", n->id, kind_name(n));
        printf("  ");
        quoted(n->id);
        printf(" [label=");
        quoted(label);
        printf(", %s%s];\n", node_attrs(n), i == sc->start ? ", penwidth=2" : "");
    }
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *n = &sc->nodes[i];
        for (int k = 0; k < n->n_gotos; k++) {
            printf("  ");
            quoted(n->id);
            printf(" -> ");
            quoted(sc->nodes[n->gotos[k].target].id);
            printf(" [style=dashed%s];\n", n->gotos[k].cond ? ", label=\"if\"" : "");
        }
        for (int k = 0; k < n->n_options; k++) {
            const sp_option *o = &n->options[k];
            char label[512];
            snprintf(label, sizeof label, "%s%s", o->id, o->cond ? " (if)" : "");
            printf("  ");
            quoted(n->id);
            printf(" -> ");
            quoted(sc->nodes[o->target].id);
            printf(" [label=");
            quoted(label);
            printf("];\n");
        }
    }
    printf("}\n");
}

int sp_cmd_graph(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-')
        return sp_cli_usage("graph");
    sp_handbook *hb;
    sp_scenario *sc;
    int rc = sp_cli_load(argv[1], &hb, &sc);
    if (rc != SP_EXIT_OK)
        return rc;
    print_dot(sc);
    sp_scenario_free(sc);
    sp_handbook_free(hb);
    return SP_EXIT_OK;
}
