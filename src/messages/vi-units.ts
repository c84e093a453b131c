/** Vietnamese text for member units of a plan's groups and the tasks tracked per member. */

/** What `units --plan ID` prints for a group with no declared member. */
export const UNDECLARED_GROUP = 'chưa khai báo';
