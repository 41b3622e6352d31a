// The classroom layer's public surface: the teacher's page, loaded on demand at #teacher.
export { mountTeacher, type TeacherOptions } from './teacher';
