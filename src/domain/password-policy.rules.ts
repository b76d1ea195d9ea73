/** Why a new password is refused, in both languages; undefined when it is acceptable. */
export function passwordProblem(password: string): { zh: string; en: string } | undefined {
  if (password.length < 12)
    return { zh: '密码至少 12 个字符', en: 'Password must be at least 12 characters' };
  if (password.length > 200)
    return { zh: '密码不能超过 200 个字符', en: 'Password must be at most 200 characters' };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < 2) {
    return {
      zh: '密码须包含至少两类字符（小写、大写、数字、符号）',
      en: 'Password must mix at least two of: lower case, upper case, digits, symbols',
    };
  }
  return undefined;
}
