/**
 * A domain-rule problem as every rules file reports it (grades, list entries, triage weights, the
 * shape of an account, reading-room networks …): the field, the value and the rule, in both
 * languages. One type, so any service turns any rule's answer into error details the same way.
 */
export interface RuleIssue {
  /** The rule broken; error details carry it lower-cased. Absent: `invalid`. */
  code?: string;
  field: string;
  value: unknown;
  messageZh: string;
  messageEn: string;
}

/** A rule issue that always names its rule: for issues that are kept or keyed on by their code. */
export type NamedRuleIssue = RuleIssue & { readonly code: string };
