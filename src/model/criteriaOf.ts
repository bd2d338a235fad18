/** Every criterion of a rubric or a report, in rubric order: the one walk of sections → clauses → criteria. */
export function criteriaOf<C>(tree: { readonly sections: ReadonlyArray<{ readonly clauses: ReadonlyArray<{ readonly criteria: readonly C[] }> }> }): C[] {
  return tree.sections.flatMap((s) => s.clauses.flatMap((c) => c.criteria));
}
