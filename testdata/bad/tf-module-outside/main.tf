module "up" {
  source = "../../outside-module"
}
